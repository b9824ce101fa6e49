import { devChainProfile, executeSafeTransaction, type SelectedNetwork } from '@ayllu/chain';
import { streams, type DaoContracts, type RotatingPoolConfigurationInput } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { rotatingPoolAbi } from '../../../contracts/abi/rotating-pool';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, eventsOf, startExecutionWorld, waitFor, type ExecutionWorld } from './execution-harness';
import { transactionOf, treasurersOf, type SafeTransactionView } from './execution-treasurers';
import { rotatingPools } from './rotating-harness';

jest.setTimeout(300_000);

const ADMIN_KEY = 'rosca-organiser-test-admin-key-0123456789';

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
 * A rotating pool's organiser is the DAO's Safe: a DAO admin asks for an action over the API, the Safe transaction
 * calling the pool's RotatingPool contract is queued, two treasurers sign it through the treasurer API, the worker
 * executes it, and the pool's stream records the command with the Safe as its actor. The pools are created on the
 * log and their contracts deployed by the worker (CREATE2 through the Safe singleton factory, organiser = the
 * DAO's Safe), as in production; members join through the worker's chain-first joins (no collateral here).
 */
describe("Rotating pools: organiser actions through the DAO's Safe", () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  let dao: { daoId: string; contracts: DaoContracts };
  let pools: ReturnType<typeof rotatingPools>;
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

  /** A three-seat pool of the DAO, its contract deployed by the worker, with `members` joined on chain and in the log. */
  const formPool = async (
    members: readonly PrivateKeyAccount[],
    overrides: RotatingPoolConfigurationInput = {},
  ): Promise<{ poolId: string; poolContract: Address }> => {
    const id = await pools.create({ memberCount: 3, collateralPercent: 0, ...overrides });
    const contract = await pools.contractOf(id);
    for (const m of members) await pools.join(id, m.address);
    for (const m of members) await pools.waitForEvent(id, 'RotatingPoolMemberJoined', (d) => d.member === m.address);
    // A full pool starts by itself; the worker begins it on chain.
    await pools.effectsDone(id);
    return { poolId: id, poolContract: contract };
  };
  const poolEvents = async (pool = poolId) => eventsOf(world.store, streams.rosca.of(pool).streamId);
  const paused = (address = poolContract) => world.clients.public.readContract({ address, abi: rotatingPoolAbi, functionName: 'paused' });
  const transaction = (safeTxHash: string) =>
    treasurersOf(world, base, dao).get<OrganiserTxView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
  /** Queues the action, then two treasurers sign it through the treasurer API. */
  const queueAndSign = async (body: Record<string, unknown>, pool: string, signers = [world.treasurers[0], world.treasurers[1]]) => {
    const queued = await act(body, ADMIN_KEY, pool);
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as OrganiserTxView;
    const treasurers = treasurersOf(world, base, dao);
    for (const owner of signers) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);
    return tx;
  };

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
    pools = rotatingPools(world, dao.daoId, dao.contracts);

    // A full three-member pool of the DAO: ACTIVE and begun on chain, its first round due in a day.
    ({ poolId, poolContract } = await formPool(world.founders.slice(0, 3)));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it("deploys the pool with the DAO's Safe as its organiser", async () => {
    const read = world.clients.public.readContract;
    expect(await read({ address: poolContract, abi: rotatingPoolAbi, functionName: 'organiser' })).toBe(dao.contracts.safe);
    expect(await read({ address: poolContract, abi: rotatingPoolAbi, functionName: 'members' })).toEqual(
      world.founders.slice(0, 3).map((f) => f.address),
    );
    expect(await read({ address: poolContract, abi: rotatingPoolAbi, functionName: 'rounds' })).toBe(3n);
    expect(await paused()).toBe(false);
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

  it('pause: queued → two treasurers sign → executed → the contract is paused, RotatingPoolPaused with the Safe as actor', async () => {
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
    expect(tx.description.join('\n')).toContain(`Pause rotating pool ${poolId}: ${reason} (pause on ${poolContract})`);
    // One action of a pool at a time.
    expect(await act({ action: 'pause', reason: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'ROSCA.ORGANISER_ACTION_PENDING' },
    });

    const queue = await treasurers.get<{ items: OrganiserTxView[] }>(`/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`);
    expect(queue.items.map((t) => t.safeTxHash)).toEqual([tx.safeTxHash]);
    // One signature is not the threshold: nothing runs.
    expect((await treasurers.sign(world.treasurers[0], tx.safeTxHash)).status).toBe(200);
    expect(await paused()).toBe(false);
    expect((await treasurers.sign(world.treasurers[2], tx.safeTxHash)).status).toBe(200);

    const pausedEvent = await waitFor('RotatingPoolPaused', async () => (await poolEvents()).find((e) => e.type === 'RotatingPoolPaused'));
    expect(pausedEvent.data).toMatchObject({ reason, pausedBy: dao.contracts.safe });
    expect(await paused()).toBe(true);
    expect(await transaction(tx.safeTxHash)).toMatchObject({ status: 'executed', failureReason: null });
    // The pool's command and the Safe transaction's execution are one append.
    const treasuryEvents = await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId);
    const executed = treasuryEvents.find((e) => e.type === 'SafeTransactionExecuted');
    expect(executed?.data).toMatchObject({ safeTxHash: tx.safeTxHash, success: true });
    expect(pausedEvent.transactionId).toBe(executed?.transactionId);
    expect((await world.store.load(streams.rosca.of(poolId))).state.status).toBe('EMERGENCY');
  });

  it('resume the same way; the contract is unpaused and the pool ACTIVE again', async () => {
    const tx = await queueAndSign({ action: 'resume' }, poolId, [world.treasurers[1], world.treasurers[2]]);
    expect(tx.description.join('\n')).toContain(`Resume rotating pool ${poolId}`);
    const resumed = await waitFor('RotatingPoolResumed', async () => (await poolEvents()).find((e) => e.type === 'RotatingPoolResumed'));
    expect(resumed.data).toMatchObject({ resumedBy: dao.contracts.safe });
    expect(await paused()).toBe(false);
    expect((await world.store.load(streams.rosca.of(poolId))).state.status).toBe('ACTIVE');
  });

  it("start of a manual pool that is not full: the Safe fixes the admin's order on chain, then the worker begins it", async () => {
    const [a, b] = world.founders;
    const manual = await formPool([a, b], { rotationMethod: 'manual' });
    expect((await pools.state(manual.poolId)).status).toBe('FORMING');
    // The order must list every member once: refused before anything is queued.
    expect(await act({ action: 'start', order: [a.address] }, ADMIN_KEY, manual.poolId)).toMatchObject({
      status: 422,
      body: { code: 'ROSCA.INVALID_ORDER' },
    });
    const order = [b.address, a.address];
    const tx = await queueAndSign({ action: 'start', order }, manual.poolId);
    expect(tx.description.join('\n')).toContain(`Start rotating pool ${manual.poolId}, recipients in order ${order.join(', ')}`);

    const started = await pools.waitForEvent(manual.poolId, 'RotatingPoolStarted');
    expect(started.data).toMatchObject({ startedBy: dao.contracts.safe, order: order.map((member) => ({ kind: 'recipient', member })) });
    await pools.effectsDone(manual.poolId);
    const read = world.clients.public.readContract;
    const address = manual.poolContract;
    expect(await read({ address, abi: rotatingPoolAbi, functionName: 'order' })).toEqual(order);
    // Begun by the operator for the two members who joined, round 0 due when the log says.
    expect(await read({ address, abi: rotatingPoolAbi, functionName: 'rounds' })).toBe(2n);
    const state = await pools.state(manual.poolId);
    if (state.status !== 'ACTIVE') throw new Error(`The pool is ${state.status}`);
    expect(await read({ address, abi: rotatingPoolAbi, functionName: 'firstDueAt' })).toBe(BigInt(Date.parse(state.round.dueAt) / 1000));
    expect(await transaction(tx.safeTxHash)).toMatchObject({ status: 'executed', failureReason: null });
  });

  it("a start the contract refuses (the pool began by itself meanwhile) is abandoned with the contract's reason, nothing recorded on the pool", async () => {
    const [a, b, c] = world.founders;
    const forming = await formPool([a, b]);
    const queued = await act({ action: 'start' }, ADMIN_KEY, forming.poolId);
    expect(queued.status).toBe(201);
    const tx = queued.body as unknown as OrganiserTxView;
    expect(tx.description.join('\n')).toContain(`Start rotating pool ${forming.poolId}, recipients in order ${a.address}, ${b.address}`);
    // The third member joins while the treasurers sign: the pool starts by itself and the worker begins it on chain.
    await pools.join(forming.poolId, c.address);
    await pools.waitForEvent(forming.poolId, 'RotatingPoolStarted');
    await pools.effectsDone(forming.poolId);
    const treasurers = treasurersOf(world, base, dao);
    for (const owner of [world.treasurers[0], world.treasurers[1]]) expect((await treasurers.sign(owner, tx.safeTxHash)).status).toBe(200);
    const view = await waitFor('the start to be abandoned', async () => {
      const current = await transaction(tx.safeTxHash);
      return current.status === 'abandoned' ? current : undefined;
    });
    // GS013 alone does not say why: the pool's own error is named.
    expect(view.failureReason).toBe(
      `execTransaction reverts: GS013 (the call of ${forming.poolContract} reverts: RotatingPoolAlreadyBegun)`,
    );
    const read = world.clients.public.readContract;
    expect(await read({ address: forming.poolContract, abi: rotatingPoolAbi, functionName: 'order' })).toEqual([]);
    const started = (await poolEvents(forming.poolId)).filter((e) => e.type === 'RotatingPoolStarted');
    expect(started.map((e) => (e.data as { startedBy: string }).startedBy)).toEqual(['system:rotating-pools']);
    // Nothing is blocked: the pool's next action goes through the Safe at the nonce the abandoned one left unused.
    await queueAndSign({ action: 'pause', reason: 'checking the start' }, forming.poolId);
    const pausedEvent = await pools.waitForEvent(forming.poolId, 'RotatingPoolPaused');
    expect(pausedEvent.data).toMatchObject({ pausedBy: dao.contracts.safe });
    expect(await paused(forming.poolContract)).toBe(true);
  });

  it('a pause the contract runs but the log refuses (the pool was paused meanwhile) is RoscaOrganiserActionRefused, with the reason', async () => {
    const active = await formPool(world.founders.slice(1, 4));
    const queued = await act({ action: 'pause', reason: 'A late payment looks wrong' }, ADMIN_KEY, active.poolId);
    expect(queued.status).toBe(201);
    const { safeTxHash } = queued.body as unknown as OrganiserTxView;
    // Meanwhile the Safe paused the pool by another route (its own call, recorded on the pool's log).
    await pools.organiserCall(active.poolContract, 'pause', ['Paused directly']);
    await pools.run(active.poolId, 'PauseRotatingPool', { reason: 'Paused directly' }, dao.contracts.safe);
    const treasurers = treasurersOf(world, base, dao);
    for (const owner of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(owner, safeTxHash)).status).toBe(200);

    const refused = await waitFor('RoscaOrganiserActionRefused', async () =>
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).find(
        (e) => e.type === 'RoscaOrganiserActionRefused' && (e.data as { safeTxHash: string }).safeTxHash === safeTxHash,
      ),
    );
    expect(refused.data).toMatchObject({ poolId: active.poolId, action: 'pause', code: 'ROSCA.NOT_ACTIVE' });
    // The call ran on chain (the contract lets a paused pool be paused again), so the transaction is executed, and says why
    // the pool recorded nothing.
    const view = await transaction(safeTxHash);
    expect(view.status).toBe('executed');
    expect(view.failureReason).toMatch(/^ROSCA\.NOT_ACTIVE: The pool is EMERGENCY/);
    expect(await paused(active.poolContract)).toBe(true);
    const pauses = (await poolEvents(active.poolId)).filter((e) => e.type === 'RotatingPoolPaused');
    expect(pauses.map((e) => (e.data as { reason: string }).reason)).toEqual(['Paused directly']);
  });

  it('treasurers executing it themselves: the indexer records the pause on the pool, with the Safe as actor', async () => {
    const treasurers = treasurersOf(world, base, dao);
    const active = await formPool(world.founders.slice(0, 3));
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
    const pausedEvent = await pools.waitForEvent(active.poolId, 'RotatingPoolPaused');
    expect(pausedEvent.data).toMatchObject({ reason: 'Executed by the treasurers', pausedBy: dao.contracts.safe });
    expect(pausedEvent.metadata.actor).toBe('system:indexer');
    expect(await paused(active.poolContract)).toBe(true);
    expect((await transaction(safeTxHash)).status).toBe('executed');
  });
});
