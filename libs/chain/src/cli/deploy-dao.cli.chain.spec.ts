import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Address } from 'viem';
import { startPrivateDevChain, type DevChainContext } from '../../../../test/chain/dev-chain';
import { readSafeState } from '../safe/read-safe-state';
import { deployDao, type DaoDeployStep } from '../deploy/deploy-dao';
import type { DeployProgress } from '../deploy/deploy-progress';
import { devChainProfile } from '../networks/dev-chain-profile';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../../..');
const PIECES: DaoDeployStep[] = ['safe', 'timelock', 'moduleRelay', 'vault', 'bootstrap'];

describe('deploying a DAO with progress', () => {
  let ctx: DevChainContext & { stop(): Promise<void> };
  let dataDir: string;
  const address = (index: number) => ctx.clients.wallet(index).account.address;

  /** `npm run dao:deploy` as a user runs it, with only the environment given here (not the test run's RPC_URL). */
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['-r', './tools/register.js', 'libs/chain/src/cli/deploy-dao.cli.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  beforeAll(async () => {
    ctx = await startPrivateDevChain();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ayllu-dao-deploy-'));
    writeFileSync(path.join(dataDir, 'network-profile.json'), JSON.stringify(devChainProfile(ctx.devChain)));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await ctx?.stop();
  });

  it('deployDao reports every piece as started, sent and confirmed, in order, with its block', async () => {
    const events: DeployProgress<DaoDeployStep>[] = [];
    const { devChain } = ctx;
    const dao = await deployDao(
      { wallet: ctx.clients.wallet(0), public: ctx.clients.public },
      {
        singletons: devChain.safe,
        safe: { kind: 'new', treasurers: [address(1), address(2)], threshold: 2n },
        timelockDelay: 3600n,
        vault: {
          implementation: devChain.communityVaultImplementation,
          asset: devChain.testToken,
          payoutToken: devChain.testSuperToken,
          gdaForwarder: devChain.superfluid.gdaV1Forwarder,
          parameters: {
            accessMode: 0,
            minimumDeposit: 1n,
            smallWithdrawalLimitBps: 1_000,
            withdrawalWindow: 86_400,
            emergencyExitWait: 604_800,
          },
          unitScale: 10n ** 18n,
        },
        onProgress: (event) => events.push(event),
      },
    );

    expect(events.map((e) => `${e.kind} ${e.step}`)).toEqual(
      PIECES.flatMap((step) => [`started ${step}`, `sent ${step}`, `confirmed ${step}`]),
    );
    const confirmed = events.filter((e) => e.kind === 'confirmed');
    const addresses: Record<DaoDeployStep, Address | undefined> = {
      safe: dao.safe,
      timelock: dao.timelock,
      moduleRelay: dao.moduleRelay,
      vault: dao.vault,
      bootstrap: undefined,
      enableModule: undefined,
    };
    for (const event of confirmed) {
      expect(event.address).toBe(addresses[event.step]);
      expect(event.transactions).toBe(1);
      expect(event.elapsedMs).toBeGreaterThanOrEqual(0);
    }
    const blocks = confirmed.map((e) => e.blockNumber!);
    expect(blocks).toEqual([...blocks].sort((a, b) => Number(a - b)));
    expect(blocks[0]).toBeGreaterThan(dao.fromBlock);
    const sent = events.filter((e) => e.kind === 'sent');
    for (const event of sent) {
      const receipt = await ctx.clients.public.getTransactionReceipt({ hash: event.transactionHash });
      expect(receipt.status).toBe('success');
    }
  });

  it('npm run dao:deploy reads the network profile in DATA_DIR, prints each piece on stderr and the addresses on stdout', async () => {
    const result = await cli(['--treasurers', `${address(3)},${address(4)}`, '--threshold', '1', '--delay', '60']);
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.code).toBe(0);
    const dao = JSON.parse(result.stdout) as { safe: Address; timelock: Address; vault: Address; moduleEnabled: boolean };
    expect(dao.moduleEnabled).toBe(true);
    const state = await readSafeState(ctx.clients.public, dao.safe);
    expect([...state.owners].sort()).toEqual([address(3), address(4)].sort());

    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Deploying a DAO on Local development chain \(Hardhat\) \(chain 31337, http:\/\/127\.0\.0\.1:\d+\) from 0x/);
    const pieces = lines.filter((l) => /^[→✓]/.test(l));
    expect(pieces).toEqual([
      '→ deploying Safe…',
      expect.stringMatching(new RegExp(`^✓ Safe ${dao.safe} \\(block \\d+, \\d+\\.\\d s\\)$`)),
      '→ deploying timelock…',
      expect.stringMatching(new RegExp(`^✓ timelock ${dao.timelock} \\(block \\d+, \\d+\\.\\d s\\)$`)),
      '→ deploying module relay…',
      expect.stringMatching(/^✓ module relay 0x[0-9a-fA-F]{40} \(block \d+, \d+\.\d s\)$/),
      '→ deploying vault and its payout pool…',
      expect.stringMatching(new RegExp(`^✓ vault and its payout pool ${dao.vault} \\(block \\d+, \\d+\\.\\d s\\)$`)),
      '→ handing the Safe to the treasurers (owners, threshold, module relay)…',
      expect.stringMatching(/^✓ Safe handed to the treasurers \(block \d+, \d+\.\d s\)$/),
    ]);
    expect(lines.filter((l) => l.startsWith('  sent 0x'))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^Done: DAO deployed from block \d+\.$/);
  });

  it('says that the profile needs a vault implementation when it names none, before sending anything', async () => {
    const { development: _omitted, ayllu: _none, ...withoutDevelopment } = devChainProfile(ctx.devChain);
    const file = path.join(dataDir, 'no-development.json');
    writeFileSync(file, JSON.stringify(withoutDevelopment));
    const before = await ctx.clients.public.getTransactionCount({ address: address(0) });
    const result = await cli(['--treasurers', address(3), '--threshold', '1'], { NETWORK_PROFILE: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^dao:deploy failed: the development profile names no CommunityVault implementation \(ayllu\.communityVaultImplementation\)/m,
    );
    expect(await ctx.clients.public.getTransactionCount({ address: address(0) })).toBe(before);
  });

  it("refuses to fall back to Hardhat's public account #0 on any chain but the local one", async () => {
    const file = path.join(dataDir, 'base-sepolia.json');
    writeFileSync(file, JSON.stringify({ ...devChainProfile(ctx.devChain), name: 'base-sepolia', chainId: 84532 }));
    const result = await cli(['--treasurers', address(3), '--threshold', '1'], { NETWORK_PROFILE: file });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('dao:deploy failed: DEPLOYER_PRIVATE_KEY is required on base-sepolia (chain 84532)');
  });

  it('names the option that is wrong', async () => {
    const result = await cli(['--treasurers', `${address(3)},not-an-address`, '--threshold', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('dao:deploy failed: --treasurers has "not-an-address", which is not an address');
  });
});
