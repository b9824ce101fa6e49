import { createPublicClient, http, type PublicClient } from 'viem';
import { startPrivateDevChain, type DevChainContext } from '../../../../test/chain/dev-chain';
import { testTokenAbi } from '../../../../contracts/abi/test-token';
import { deployDao, type DaoDeployment } from '../deploy/deploy-dao';
import type { SafeCall } from '../safe/safe-transaction';
import { approveDepositCall, depositCall } from '../vault/vault-calls';
import type { WatchedContracts } from './chain-facts';
import { ChainIndexer, type IndexerCheckpoint } from './chain-indexer';

const TOKEN = 10n ** 18n;

// Private node: this file reverts snapshots to simulate reorgs.
describe('ChainIndexer', () => {
  let ctx: DevChainContext & { stop(): Promise<void> };
  let dao: DaoDeployment;
  let contracts: WatchedContracts;
  const member = 4;

  const send = async (index: number, call: SafeCall) => {
    const hash = await ctx.clients.wallet(index).sendTransaction({ to: call.to, data: call.data, value: call.value });
    return ctx.clients.public.waitForTransactionReceipt({ hash });
  };
  const deposit = async (amount: bigint) => {
    const { devChain, clients } = ctx;
    await clients.wallet(member).writeContract({
      address: devChain.testToken,
      abi: testTokenAbi,
      functionName: 'mint',
      args: [clients.wallet(member).account.address, amount],
    });
    await send(member, approveDepositCall(devChain.testToken, dao.vault, amount));
    return send(member, depositCall(dao.vault, amount));
  };
  const indexer = (confirmations: bigint, client: PublicClient = ctx.clients.public as PublicClient) =>
    new ChainIndexer({ client, chainId: dao.chainId, contracts, confirmations, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
  const drain = (subject: ChainIndexer, from: IndexerCheckpoint) => subject.poll(from);

  beforeAll(async () => {
    ctx = await startPrivateDevChain();
    const { devChain, clients } = ctx;
    dao = await deployDao(
      { wallet: clients.wallet(0), public: clients.public },
      {
        singletons: devChain.safe,
        safe: { kind: 'new', treasurers: [1, 2, 3].map((i) => clients.wallet(i).account.address), threshold: 2n },
        timelockDelay: 3_600n,
        vault: {
          implementation: devChain.communityVaultImplementation,
          asset: devChain.testToken,
          payoutToken: devChain.testSuperToken,
          gdaForwarder: devChain.superfluid.gdaV1Forwarder,
          parameters: {
            accessMode: 0,
            minimumDeposit: TOKEN,
            smallWithdrawalLimitBps: 1_000,
            withdrawalWindow: 86_400,
            emergencyExitWait: 604_800,
          },
          unitScale: TOKEN,
        },
      },
    );
    contracts = { vault: dao.vault, safe: dao.safe, timelock: dao.timelock, pool: dao.pool, gda: devChain.superfluid.gda };
  });
  afterAll(() => ctx?.stop());

  it('turns a deposit into DepositConfirmed and MemberUnitsUpdated facts keyed by chain, tx and log index', async () => {
    const subject = indexer(0n);
    const start = await subject.checkpointAt(dao.fromBlock);
    const receipt = await deposit(10n * TOKEN);
    const { facts, nextCheckpoint } = await drain(subject, start);
    const deposited = facts.find((f) => f.type === 'DepositConfirmed');
    expect(deposited).toMatchObject({ data: { member: ctx.clients.wallet(member).account.address, assets: 10n * TOKEN } });
    expect(deposited!.origin.key).toMatch(new RegExp(`^${dao.chainId}:${receipt.transactionHash}:\\d+$`));
    expect(facts.find((f) => f.type === 'MemberUnitsUpdated')).toMatchObject({ data: { oldUnits: 0n, newUnits: 10n } });
    expect(facts.some((f) => f.type === 'SafeTransactionExecuted')).toBe(true); // the deployment's bootstrap batch
    expect(nextCheckpoint.blockNumber).toBe(receipt.blockNumber);
    expect((await subject.poll(nextCheckpoint)).facts).toEqual([]);
    expect(subject.health.status).toBe('ok');
  });

  it('waits for the confirmation depth before emitting a fact', async () => {
    const subject = indexer(2n);
    const start = await subject.checkpointAt(await ctx.clients.public.getBlockNumber({ cacheTime: 0 }));
    await deposit(TOKEN);
    const early = await subject.poll(start);
    expect(early.facts).toEqual([]);
    await ctx.clients.test.mine({ blocks: 2 });
    expect((await subject.poll(early.nextCheckpoint)).facts.map((f) => f.type)).toContain('DepositConfirmed');
  });

  it('detects a reorg by block hash, retracts what it emitted from the lost blocks and reads the new chain', async () => {
    const subject = indexer(0n);
    const start = await subject.checkpointAt(await ctx.clients.public.getBlockNumber({ cacheTime: 0 }));
    const snapshot = await ctx.clients.test.snapshot();
    await deposit(3n * TOKEN);
    const before = await subject.poll(start);
    const lost = before.facts.find((f) => f.type === 'DepositConfirmed')!;
    expect(lost).toBeDefined();

    await ctx.clients.test.revert({ id: snapshot });
    await ctx.clients.test.mine({ blocks: 5 }); // the other branch grows past the old head
    const rewound = await subject.poll(before.nextCheckpoint);
    expect(rewound.retracted.map((f) => f.origin.key)).toContain(lost.origin.key);
    expect(rewound.rewoundTo).toBe(start.blockNumber);

    const after = await subject.poll(rewound.nextCheckpoint);
    expect(after.facts.some((f) => f.type === 'DepositConfirmed')).toBe(false);
    expect(after.nextCheckpoint.blockNumber).toBeGreaterThan(before.nextCheckpoint.blockNumber);
  });

  it('reports the node as down without moving the checkpoint, and catches up once it answers', async () => {
    const unreachable = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0 }) }) as PublicClient;
    const live = indexer(0n);
    const start = await live.checkpointAt(await ctx.clients.public.getBlockNumber({ cacheTime: 0 }));
    await deposit(2n * TOKEN);
    const down = indexer(0n, unreachable);
    await expect(down.poll(start)).rejects.toThrow();
    expect(down.health).toMatchObject({ status: 'down', consecutiveFailures: 1, lastError: expect.any(String) as unknown });
    expect((await live.poll(start)).facts.map((f) => f.type)).toContain('DepositConfirmed');
  });
});
