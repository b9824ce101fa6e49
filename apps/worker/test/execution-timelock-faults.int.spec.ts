import { expect } from '@jest/globals';
import { executeBatchCall, readTimelockOperation } from '@ayllu/chain';
import { streams, type DaoContracts, type OperationCall } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { parseEther, toFunctionSelector, zeroHash, type Hex } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { executionChain } from '../src/execution/execution-chain';
import { startExecution, type RunningExecution } from '../src/execution/start-execution';
import { createDao, eventsOf, passProposal, startExecutionWorld, TIMELOCK_DELAY, waitFor, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf } from './execution-treasurers';
import { rpcFaultProxy } from './rpc-fault-proxy';
import { devChainProfile } from '@ayllu/chain';

jest.setTimeout(300_000);

const EXECUTE_BATCH = toFunctionSelector('executeBatch(address[],uint256[],bytes[],bytes32,bytes32)');

/**
 * The timelock's end of execution against a real chain: a node that answers 429 while the batch is simulated,
 * a proposal that fails while its operation sits on the timelock, and strangers who run a ready batch
 * themselves (executor = anyone), properly or with too little gas.
 */
describe('Timelock execution under faults and strangers', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let proxy: Awaited<ReturnType<typeof rpcFaultProxy>>;
  let driver: RunningExecution | null = null;
  let dao: { daoId: string; contracts: DaoContracts };
  let treasurers: ReturnType<typeof treasurersOf>;
  let money: ReturnType<typeof moneyOf>;

  /** The worker, reaching the node through the fault proxy; quick retries so the spec does not wait minutes. */
  const startDriver = async () => {
    driver = (await startExecution({
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent' }),
      pool: world.db.pool,
      databaseUrl: world.db.url,
      store: world.store,
      logger: pino({ level: 'silent' }),
      chain: executionChain({
        rpcUrl: proxy.url,
        relayerPrivateKey: world.relayerKey,
        profile: devChainProfile(world.devChain),
      }),
      pollMs: 200,
      leaseMs: 2000,
      retryMs: 300,
      maxRetryMs: 1500,
      indexerConfirmations: 0,
    }))!;
  };
  const stopDriver = async () => {
    await driver?.stop();
    driver = null;
  };
  const proposalEvents = (proposalId: string) => eventsOf(world.store, streams.proposal.of(proposalId).streamId);
  const treasuryEvents = () => eventsOf(world.store, streams.treasury.of(dao.daoId).streamId);
  const proposalEnd = (proposalId: string) =>
    waitFor('the proposal to end', async () =>
      (await proposalEvents(proposalId)).find((e) => e.type === 'ProposalExecuted' || e.type === 'ProposalExecutionFailed'),
    );
  /** Treasurers sign the schedule transaction; the operation is on the timelock, not ready yet. */
  const schedule = async (type: string, payload: unknown) => {
    const proposalId = await passProposal(world, dao.daoId, type, payload);
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    for (const t of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(t, safeTxHash)).status).toBe(200);
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
    const proposed = (await treasuryEvents()).find(
      (e) => e.type === 'SafeTransactionProposed' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
    )!.data as { calls: OperationCall[]; salt: Hex; operationId: Hex };
    const batch = { calls: proposed.calls.map(({ to, value, data }) => ({ to, value, data })), predecessor: zeroHash, salt: proposed.salt };
    return { proposalId, operationId: proposed.operationId, call: executeBatchCall(dao.contracts.timelock, batch) };
  };
  const passDelay = async () => {
    await world.clients.test.increaseTime({ seconds: TIMELOCK_DELAY + 1 });
    await world.clients.test.mine({ blocks: 1 });
  };
  const operationState = (operationId: Hex) => readTimelockOperation(world.clients.public, dao.contracts.timelock, operationId);
  const stranger = () => world.clients.wallet(world.founders[3]);

  beforeAll(async () => {
    world = await startExecutionWorld();
    proxy = await rpcFaultProxy(world.devChain.rpcUrl);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'timelock-faults-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    await startDriver();
    dao = await createDao(world);
    treasurers = treasurersOf(world, (await api.getUrl()).replace('[::1]', '127.0.0.1'), dao);
    money = moneyOf(world, dao.contracts);
    // Three founders are in the vault; the fourth never deposits.
    for (const founder of world.founders.slice(0, 3)) await money.deposit(founder, parseEther('100'));
    await money.fundSafe(world.treasurers[0], parseEther('1000'));
  });
  afterAll(async () => {
    await stopDriver();
    await api?.close();
    await proxy?.close();
    await world?.stop();
  });

  it('a node answering 429 while the batch is simulated does not fail the proposal: the step backs off and executes once it answers', async () => {
    const { proposalId, operationId } = await schedule('CHANGE_PARAMETERS', { changes: { quorumBps: 5500 } });
    proxy.refuse(({ method, params }) => {
      const call = params?.[0] as { to?: string; data?: string; input?: string } | undefined;
      const data = call?.data ?? call?.input ?? '';
      return method === 'eth_call' && call?.to?.toLowerCase() === dao.contracts.timelock.toLowerCase() && data.startsWith(EXECUTE_BATCH);
    });
    await passDelay();
    // viem retries a 429 twice within one attempt; the step then fails and is retried later, not judged.
    const failed = await waitFor('a failed attempt', async () => {
      const { rows } = await world.db.pool.query<{ attempts: number; last_error: string | null }>(
        'SELECT attempts, last_error FROM execution_processes WHERE proposal_id = $1',
        [proposalId],
      );
      return rows[0]?.attempts > 0 ? rows[0] : undefined;
    });
    expect(failed.last_error).toMatch(/429|Too Many Requests|HTTP request failed/i);
    expect(proxy.refused()).toBeGreaterThanOrEqual(3);
    expect((await proposalEvents(proposalId)).map((e) => e.type)).not.toContain('ProposalExecutionFailed');
    expect((await operationState(operationId)).state).toBe('Ready');
    proxy.heal();
    expect((await proposalEnd(proposalId)).type).toBe('ProposalExecuted');
  });

  it("a stranger's execution of the ready batch is recorded as the proposal's execution", async () => {
    const { proposalId, operationId, call } = await schedule('CHANGE_PARAMETERS', { changes: { quorumBps: 5600 } });
    await stopDriver();
    await passDelay();
    const hash = await stranger().sendTransaction({ to: call.to, data: call.data, value: call.value });
    expect((await world.clients.public.waitForTransactionReceipt({ hash })).status).toBe('success');
    expect((await operationState(operationId)).state).toBe('Done');
    await startDriver();
    const end = await proposalEnd(proposalId);
    expect(end).toMatchObject({ type: 'ProposalExecuted', data: { txHash: hash } });
    const executed = (await treasuryEvents()).filter((e) => e.type === 'TimelockOperationExecuted');
    expect(executed.at(-1)?.data).toMatchObject({ operationId, txHash: hash });
  });

  it('a stranger who runs a payout batch with too little gas gets a revert, the operation stays ready, and the worker pays it later', async () => {
    const paid = parseEther('10');
    const { proposalId, operationId, call } = await schedule('DISTRIBUTE_YIELDS', { mode: 'instant', amount: paid });
    await stopDriver();
    await passDelay();
    const safeBefore = await money.superBalance(dao.contracts.safe);
    const needed = await world.clients.public.estimateGas({ account: stranger().account, to: call.to, data: call.data });
    let reverted = 0;
    for (let gas = (needed * 3n) / 4n; gas < needed - 1_000n; gas += 4_000n) {
      // Hardhat mines a failing transaction and answers its sender with the error.
      const receipt = await stranger()
        .sendTransaction({ to: call.to, data: call.data, gas })
        .then((h) => world.clients.public.waitForTransactionReceipt({ hash: h }))
        .catch(() => undefined);
      expect(receipt?.status).not.toBe('success');
      reverted++;
    }
    expect(reverted).toBeGreaterThan(0);
    expect((await operationState(operationId)).state).toBe('Ready');
    expect(await money.superBalance(dao.contracts.safe)).toBe(safeBefore);
    await startDriver();
    expect((await proposalEnd(proposalId)).type).toBe('ProposalExecuted');
    // The GDA rounds an instant distribution down to a multiple of the pool's units: a few wei stay in the Safe.
    const spent = safeBefore - (await money.superBalance(dao.contracts.safe));
    expect(spent).toBeLessThanOrEqual(paid);
    expect(spent).toBeGreaterThan(paid - 1_000n);
  });

  it('a proposal that fails while its operation is on the timelock has the operation cancelled through the Safe', async () => {
    const { proposalId, operationId } = await schedule('REMOVE_MEMBER', { member: world.founders[3].address, reason: 'never deposited' });
    await passDelay();
    const end = await proposalEnd(proposalId);
    expect(end).toMatchObject({ type: 'ProposalExecutionFailed', data: { reason: expect.stringContaining('CommunityVaultNotMember') } });
    expect((await operationState(operationId)).state).toBe('Ready');
    const cancel = await waitFor('the cancel transaction', async () => {
      const list = await treasurers.get<{ items: { proposalId: string; purpose: string; safeTxHash: string }[] }>(
        `/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`,
      );
      return list.items.find((t) => t.proposalId === proposalId && t.purpose === 'cancel');
    });
    for (const t of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(t, cancel.safeTxHash)).status).toBe(200);
    await waitFor('the operation to be cancelled', async () =>
      (await treasuryEvents()).find(
        (e) => e.type === 'TimelockOperationCancelled' && (e.data as { operationId: string }).operationId === operationId,
      ),
    );
    expect((await operationState(operationId)).state).toBe('Unset');
  });
});
