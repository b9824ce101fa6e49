import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Chain,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { hardhatChain as hardhat } from '../local/hardhat-chain';

const repoRoot = path.resolve(__dirname, '../../../..');
const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';

/** Hardhat's well-known development accounts (never hold value on a real network). */
export const testAccount = (index: number) => mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export type LocalNode = {
  readonly rpcUrl: string;
  readonly chain: Chain;
  readonly public: PublicClient;
  readonly test: TestClient<'hardhat'>;
  wallet(accountIndex: number): WalletClient;
  stop(): Promise<void>;
};

/**
 * Starts a private `hardhat node` for one test file: files that move time or revert snapshots must not
 * share the run's common node, which other files use in parallel.
 */
export async function startLocalNode(): Promise<LocalNode> {
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    path.join(repoRoot, 'node_modules/.bin/hardhat'),
    ['--config', 'contracts/hardhat.config.js', 'node', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  const chain = { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } } as Chain;
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 }) as PublicClient;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await publicClient.getChainId();
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill();
        throw new Error(`hardhat node did not answer on ${rpcUrl}: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    rpcUrl,
    chain,
    public: publicClient,
    test: createTestClient({ chain, transport, mode: 'hardhat' }),
    wallet: (index) => createWalletClient({ account: testAccount(index), chain, transport }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
