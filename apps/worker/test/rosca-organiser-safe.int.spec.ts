import { randomUUID } from 'node:crypto';
import { devChainProfile, executeSafeTransaction, type SelectedNetwork } from '@ayllu/chain';
import { evolveRosca, roscaDecider, streams, type DaoContracts, type RoscaCommand, type RoscaEvent, type RoscaState } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Address } from 'viem';
import { loadAylluArtifact } from '../../../libs/chain/src/local/artifacts';
import { deployContract } from '../../../libs/chain/src/local/deploy-contract';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, eventsOf, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { transactionOf, treasurersOf, type SafeTransactionView } from './execution-treasurers';

jest.setTimeout(240_000);

const ADMIN_KEY = 'rosca-organiser-test-admin-key-0123456789';
/** The stand-in's ABI, from its compiled artifact (no hand-written ABI). */
const standIn = () => loadAylluArtifact('src/test/TestRotatingPoolOrganiser.sol', 'TestRotatingPoolOrganiser').abi;

interface OrganiserTxView {
  readonly safeTxHash: string;
  readonly purpose: string;
  readonly status: string;
  readonly proposalId: string | null;
  readonly poolId: string | null;
  readonly organiserAction: string | null;
  readonly description: string[];
  readonly failureReason: string | null;
}

/**
 * A rotating pool's organiser is the DAO's Safe: a DAO admin asks for a pause over the API, the Safe transaction
 * calling the pool's contract is queued, two treasurers sign it through the treasurer API, the worker executes it,
 * and the pool's stream records RotatingPoolPaused with the Safe as its actor; then a resume the same way.
 * The pool's contract here is TestRotatingPoolOrganiser (contracts/src/test), a stand-in exposing RotatingPool's
 * organiser functions with the same rules, until RotatingPool.sol lands.
 */
describe("Rotating pools: organiser actions through the DAO's Safe", () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let poolId: string;
  let poolContract: Address;

  const act = async (body: Record<string, unknown>, key: string | null = ADMIN_KEY, pool = poolId) => {
    const response = await fetch(`${base}/v1/daos/${dao.daoId}/rotating-pools/${pool}/organiser-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** A pool of the DAO with `joined` of 3 members in, its stand-in contract recorded with its creation. */
  const createPool = async (joined: number): Promise<{ poolId: string; poolContract: Address }> => {
    const contract = await deployContract(
      { wallet: world.clients.wallet(world.founders[0]), public: world.clients.public },
      {
        name: 'TestRotatingPoolOrganiser',
        ...loadAylluArtifact('src/test/TestRotatingPoolOrganiser.sol', 'TestRotatingPoolOrganiser'),
        args: [dao.contracts.safe],
      },
    );
    const id = `rosca_${randomUUID().replace(/-/g, '').slice(0, 26)}`;
    const now = new Date().toISOString();
    const meta = { actor: 'admin:test', now };
    const commands: RoscaCommand[] = [
      {
        type: 'CreateRotatingPool',
        data: {
          poolId: id,
          daoId: dao.daoId,
          organiser: dao.contracts.safe,
          contributionAmount: 10n ** 18n,
          rotationIntervalSeconds: 7 * 24 * 3600,
          memberCount: 3,
          startDate: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
        },
        metadata: meta,
      },
      { type: 'RecordRotatingPoolDeployment', data: { address: contract, txHash: null, blockNumber: 1n }, metadata: meta },
      ...world.founders
        .slice(0, joined)
        .map((f): RoscaCommand => ({ type: 'JoinRotatingPool', data: { member: f.address, collateral: 0n }, metadata: meta })),
    ];
    await world.store.handle(
      { rosca: streams.rosca.of(id) },
      ({ rosca }) => {
        const events: RoscaEvent[] = [];
        let state: RoscaState = rosca;
        for (const command of commands) {
          const decided = roscaDecider.decide(command, state);
          events.push(...decided);
          state = decided.reduce(evolveRosca, state);
        }
        return { rosca: events };
      },
      { context: { actor: 'admin:test', correlationId: id, occurredAt: now } },
    );
    return { poolId: id, poolContract: contract };
  };
  const poolEvents = async (pool = poolId) => eventsOf(world.store, streams.rosca.of(pool).streamId);
  const read = (functionName: 'paused' | 'started', address = poolContract) =>
    world.clients.public.readContract({ address, abi: standIn(), functionName });

  beforeAll(async () => {
    world = await startExecutionWorld();
    const profile = devChainProfile(world.devChain);
    const network: SelectedNetwork = { profile, rpcUrl: world.devChain.rpcUrl, source: 'test' };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY, network });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
    dao = await createDao(world);

    // A full three-member pool of the DAO, its contract recorded with its creation (so the worker deploys none):
    // it is ACTIVE, its first round due in a month.
    ({ poolId, poolContract } = await createPool(3));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('refuses what the pool would refuse the Safe now, and callers without the admin key, queuing nothing', async () => {
    const resume = await act({ action: 'resume' });
    expect(resume.status).toBe(409);
    expect(resume.body).toMatchObject({ code: 'ROSCA.NOT_IN_EMERGENCY' });
    const start = await act({ action: 'start' });
    expect(start.body).toMatchObject({ code: 'ROSCA.NOT_FORMING' });
    const noReason = await act({ action: 'pause' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'ROSCA.REASON_REQUIRED' });
    const badAction = await act({ action: 'dissolve' });
    expect(badAction.status).toBe(400);
    expect(await act({ action: 'pause', reason: 'x' }, null)).toMatchObject({ status: 401 });
    expect(await act({ action: 'pause', reason: 'x' }, ADMIN_KEY, 'rosca_nope')).toMatchObject({
      status: 404,
      body: { code: 'ROSCA.NOT_FOUND' },
    });
    const treasury = await world.store.load(streams.treasury.of(dao.daoId));
    expect(treasury.state.status === 'Deployed' && treasury.state.transactions.size).toBe(0);
  });

  it('pause: queued → two treasurers sign → executed → RotatingPoolPaused with the Safe as actor', async () => {
    const treasurers = treasurersOf(world, base, dao);
    const reason = 'A member reported a compromised wallet';
    const queued = await act({ action: 'pause', reason });
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as OrganiserTxView;
    expect(tx).toMatchObject({
      purpose: 'rosca_organiser',
      status: 'awaiting-signatures',
      proposalId: null,
      poolId,
      organiserAction: 'pause',
    });
    expect(tx.description.join('\n')).toContain(`Pause rotating pool ${poolId}: ${reason}`);
    // One action of a pool at a time.
    expect(await act({ action: 'pause', reason: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'ROSCA.ORGANISER_ACTION_PENDING' },
    });

    const queue = await treasurers.get<{ items: OrganiserTxView[] }>(`/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`);
    expect(queue.items.map((t) => t.safeTxHash)).toEqual([tx.safeTxHash]);
    for (const owner of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);

    const paused = await waitFor('RotatingPoolPaused', async () => (await poolEvents()).find((e) => e.type === 'RotatingPoolPaused'));
    expect(paused.data).toMatchObject({ reason, pausedBy: dao.contracts.safe });
    expect(await read('paused')).toBe(true);
    const view = await treasurers.get<OrganiserTxView>(`/v1/daos/${dao.daoId}/safe-transactions/${tx.safeTxHash}`);
    expect(view).toMatchObject({ status: 'executed', failureReason: null });
    // The pool's command and the Safe transaction's execution are one append.
    const treasuryEvents = await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId);
    const executed = treasuryEvents.find((e) => e.type === 'SafeTransactionExecuted');
    expect(executed?.data).toMatchObject({ safeTxHash: tx.safeTxHash, success: true });
    expect(paused.transactionId).toBe(executed?.transactionId);
    expect((await world.store.load(streams.rosca.of(poolId))).state.status).toBe('EMERGENCY');
  });

  it('resume the same way; the pool is ACTIVE again', async () => {
    const treasurers = treasurersOf(world, base, dao);
    const queued = await act({ action: 'resume' });
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as OrganiserTxView;
    expect(tx.description.join('\n')).toContain(`Resume rotating pool ${poolId}`);
    for (const owner of [world.treasurers[1], world.treasurers[2]]) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);
    const resumed = await waitFor('RotatingPoolResumed', async () => (await poolEvents()).find((e) => e.type === 'RotatingPoolResumed'));
    expect(resumed.data).toMatchObject({ resumedBy: dao.contracts.safe });
    expect(await read('paused')).toBe(false);
    expect((await world.store.load(streams.rosca.of(poolId))).state.status).toBe('ACTIVE');
  });

  it('a start the chain refuses (the pool began by itself meanwhile) is abandoned, nothing recorded on the pool', async () => {
    const treasurers = treasurersOf(world, base, dao);
    const forming = await createPool(2);
    const queued = await act({ action: 'start' }, ADMIN_KEY, forming.poolId);
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as OrganiserTxView;
    expect(tx.description.join('\n')).toContain(
      `Start rotating pool ${forming.poolId}, recipients in order ${world.founders[0].address}, ${world.founders[1].address}`,
    );
    // The third member joins while the treasurers sign: the pool starts by itself and the worker begins it on chain.
    const now = new Date().toISOString();
    await world.store.handle(
      { rosca: streams.rosca.of(forming.poolId) },
      ({ rosca }) => ({
        rosca: roscaDecider.decide(
          { type: 'JoinRotatingPool', data: { member: world.founders[2].address, collateral: 0n }, metadata: { actor: 'admin:test', now } },
          rosca,
        ),
      }),
      { context: { actor: 'admin:test', correlationId: forming.poolId, occurredAt: now } },
    );
    await waitFor('the begin effect', async () => (await poolEvents(forming.poolId)).find((e) => e.type === 'RotatingPoolEffectConfirmed'));
    for (const owner of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);
    const view = await waitFor('the start to be abandoned', async () => {
      const current = await treasurers.get<OrganiserTxView>(`/v1/daos/${dao.daoId}/safe-transactions/${tx.safeTxHash}`);
      return current.status === 'abandoned' ? current : undefined;
    });
    expect(view.failureReason).toContain('execTransaction reverts');
    expect(await read('started', forming.poolContract)).toBe(false);
    const started = (await poolEvents(forming.poolId)).filter((e) => e.type === 'RotatingPoolStarted');
    expect(started.map((e) => (e.data as { startedBy: string }).startedBy)).toEqual(['admin:test']);
    // Nothing is blocked: the pool's next action goes through the Safe at the nonce the abandoned one left unused.
    const pause = await act({ action: 'pause', reason: 'checking the start' }, ADMIN_KEY, forming.poolId);
    expect(pause.status).toBe(201);
    const pauseTx = pause.body as unknown as OrganiserTxView;
    for (const owner of [world.treasurers[0], world.treasurers[1]])
      expect((await treasurers.sign(owner, pauseTx.safeTxHash)).status).toBe(200);
    const paused = await waitFor('RotatingPoolPaused', async () =>
      (await poolEvents(forming.poolId)).find((e) => e.type === 'RotatingPoolPaused'),
    );
    expect(paused.data).toMatchObject({ pausedBy: dao.contracts.safe });
  });

  it('treasurers executing it themselves: the indexer records the pause on the pool, with the Safe as actor', async () => {
    const treasurers = treasurersOf(world, base, dao);
    const active = await createPool(3);
    const queued = await act({ action: 'pause', reason: 'Executed by the treasurers' }, ADMIN_KEY, active.poolId);
    expect(queued.status).toBe(201);
    const { safeTxHash } = queued.body as unknown as OrganiserTxView;
    // Signed and sent outside the platform: the API never sees the signatures.
    const signers = [world.treasurers[0], world.treasurers[2]].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
    const signatures = await Promise.all(
      signers.map(async (s) => ({ signer: s.address, data: await treasurers.signature(s, safeTxHash) })),
    );
    const { typedData } = await treasurers.get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    await executeSafeTransaction({
      wallet: world.clients.wallet(world.treasurers[1]),
      public: world.clients.public,
      safe: dao.contracts.safe,
      chainId: dao.contracts.chainId,
      transaction: transactionOf(typedData.message),
      signatures,
    });
    const paused = await waitFor('RotatingPoolPaused', async () =>
      (await poolEvents(active.poolId)).find((e) => e.type === 'RotatingPoolPaused'),
    );
    expect(paused.data).toMatchObject({ reason: 'Executed by the treasurers', pausedBy: dao.contracts.safe });
    expect(paused.metadata.actor).toBe('system:indexer');
    expect(await read('paused', active.poolContract)).toBe(true);
    const view = await treasurers.get<OrganiserTxView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    expect(view.status).toBe('executed');
  });
});
