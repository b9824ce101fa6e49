import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Account,
  type Chain,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount, type HDAccount } from 'viem/accounts';
import { hardhatChain as hardhat } from './hardhat-chain';

/** Hardhat's default mnemonic: well-known keys that must never hold value on a real network. */
export const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';

/** Hardhat development account `index` (0 deploys the development chain). */
export const devAccount = (index: number): HDAccount => mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });

export type DevWallet = WalletClient<Transport, Chain, Account>;

/** Clients for a local Hardhat node: reads, test-only RPC (time, mining) and wallets of the dev accounts. */
export type DevClients = {
  readonly rpcUrl: string;
  readonly chain: Chain;
  readonly public: PublicClient<Transport, Chain>;
  readonly test: TestClient<'hardhat', Transport, Chain>;
  wallet(account: number | Account): DevWallet;
};

export function devClients(rpcUrl: string): DevClients {
  const chain: Chain = { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } };
  // A local node either answers or is down: retries would only slow a failing test down.
  const transport = http(rpcUrl, { retryCount: 0, timeout: 60_000 });
  return {
    rpcUrl,
    chain,
    public: createPublicClient({ chain, transport, pollingInterval: 50 }),
    test: createTestClient({ chain, transport, mode: 'hardhat' }),
    wallet: (account) => createWalletClient({ chain, transport, account: typeof account === 'number' ? devAccount(account) : account }),
  };
}
