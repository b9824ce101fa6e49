import { streams, type RoscaState } from '@ayllu/domain';
import { expect } from '@jest/globals';
import fc from 'fast-check';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { RoscaActionView } from '../src/rotating-pools/shared/rosca-action.view';
import type { TypedDataView } from '../src/signatures/typed-data/typed-data.view';
import { ROUTES, roscaWorld, type RoscaWorld } from './rosca-writes.fixture';

const [alice, bob, carol, eve] = labelledAccounts('rosca-join', 4) as [TestSigner, TestSigner, TestSigner, TestSigner];
const ZERO = `0x${'0'.repeat(64)}`;
const pending = (state: RoscaState) => (state.status === 'FORMING' ? [...state.pendingJoins.keys()] : []);

describe('Joining a rotating pool (signed)', () => {
  let api: TestApi;
  let world: RoscaWorld;
  let daoId: string;
  let otherDaoId: string;
  beforeAll(async () => {
    api = await startTestApi();
    world = roscaWorld(api);
    daoId = await world.createDao([alice, bob, carol]);
    otherDaoId = await world.createDao([alice, bob, carol]);
    await world.deployTreasury(daoId, [alice]);
    await world.deployTreasury(otherDaoId, [alice]);
  });
  afterAll(() => api.close());

  const deployedPool = async (config: Record<string, unknown> = {}, dao = daoId) => {
    const poolId = await world.createPool(dao, config);
    await world.deployPool(poolId);
    return poolId;
  };
  const joinBody = (poolId: string, who: TestSigner, fields: Record<string, unknown> = {}, opts = {}, dao = daoId) =>
    world.sign(dao, 'rosca-join', { member: who.address, pool: poolId, ...fields }, who, opts);

  describe('typed data', () => {
    it('binds the member, the pool, the commitment (zero outside lotteries), the DAO, a nonce and a deadline', async () => {
      const poolId = await world.createPool(daoId);
      const res = await api.request<TypedDataView>('POST', `/v1/daos/${daoId}/typed-data/rosca-join`, {
        body: { member: alice.address.toLowerCase(), pool: poolId },
      });
      expect(res.status).toBe(200);
      expect(res.body.primaryType).toBe('RotatingPoolJoin');
      expect(res.body.types.RotatingPoolJoin).toEqual([
        { name: 'member', type: 'address' },
        { name: 'pool', type: 'string' },
        { name: 'commitment', type: 'bytes32' },
        { name: 'dao', type: 'string' },
        { name: 'nonce', type: 'bytes32' },
        { name: 'deadline', type: 'uint64' },
      ]);
      expect(res.body.message).toMatchObject({ member: alice.address, pool: poolId, commitment: ZERO, dao: daoId });
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['rosca-reveal', 'LotterySecretReveal', { secret: `0x${'1'.repeat(64)}` }],
      ['rosca-order-vote', 'RotationOrderVote', { order: [alice.address, bob.address] }],
      ['rosca-payment', 'EarlyPayment', { round: 0 }],
      ['rosca-bid', 'RoundBid', { round: 0, discountBps: 250 }],
      ['rosca-exit', 'RotatingPoolExit', {}],
      ['rosca-dissolution-vote', 'DissolutionVote', {}],
    ])('serves %s as %s, bound to the pool', async (action, primaryType, fields) => {
      const poolId = await world.createPool(daoId);
      const res = await api.request<TypedDataView>('POST', `/v1/daos/${daoId}/typed-data/${action}`, {
        body: { member: bob.address, pool: poolId, ...fields },
      });
      expect(res.status).toBe(200);
      expect(res.body.primaryType).toBe(primaryType);
      expect(res.body.message).toMatchObject({ member: bob.address, pool: poolId, dao: daoId, ...fields });
    });

    it('answers 404 for an unknown pool and for a pool of another DAO', async () => {
      const foreign = await world.createPool(otherDaoId);
      for (const pool of ['rosca_00000000000000000000000000000000', 'nope', foreign]) {
        const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/typed-data/rosca-join`, {
          body: { member: alice.address, pool },
        });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('ROSCA.NOT_FOUND');
      }
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      ['a malformed member', 'rosca-join', { member: '0x12' }, 'member'],
      ['a malformed commitment', 'rosca-join', { commitment: '0x12' }, 'commitment'],
      ['a secret that is not bytes32', 'rosca-reveal', { secret: 'abc' }, 'secret'],
      ['an order that is not a list', 'rosca-order-vote', { order: 'alice,bob' }, 'order'],
      ['an order with a malformed address', 'rosca-order-vote', { order: [alice.address, '0x1'] }, 'order'],
      ['a negative round', 'rosca-payment', { round: -1 }, 'round'],
      ['a round as text', 'rosca-bid', { round: '0', discountBps: 1 }, 'round'],
      ['a discount over 100 %', 'rosca-bid', { round: 0, discountBps: 10001 }, 'discountBps'],
      ['an unknown field', 'rosca-exit', { colour: 'red' }, 'colour'],
    ])('refuses %s (400, field named)', async (_label, action, fields, field) => {
      const poolId = await world.createPool(daoId);
      const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/typed-data/${action}`, {
        body: { member: alice.address, pool: poolId, ...fields },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    });
  });

  it('records a pending join (202), with the signer as actor; the worker pulls the collateral later', async () => {
    const poolId = await deployedPool();
    const res = await api.request<RoscaActionView>('POST', `/v1/daos/${daoId}/rotating-pools/${poolId}/join-requests`, {
      body: await joinBody(poolId, alice),
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      poolId,
      daoId,
      member: alice.address,
      poolStatus: 'FORMING',
      recorded: [{ type: 'RotatingPoolJoinRequested', data: { member: alice.address, commitment: null } }],
    });
    expect(pending(await world.poolState(poolId))).toEqual([alice.address]);
    const [row] = (
      await api.db.pool.query<{ metadata: { actor: string; idempotencyKey: string } }>(
        `SELECT metadata FROM events WHERE stream_id = $1 AND type = 'RotatingPoolJoinRequested'`,
        [streams.rosca.of(poolId).streamId],
      )
    ).rows;
    expect(row.metadata.actor).toBe(alice.address);
    expect(row.metadata.idempotencyKey).toMatch(new RegExp(`^sig:31337:${daoId}:${alice.address}:0x[0-9a-f]{64}$`));
  });

  it('refuses 409 ROSCA.NOT_DEPLOYED before the contract is deployed, leaving the nonce usable once it is', async () => {
    const poolId = await world.createPool(daoId);
    const body = await joinBody(poolId, bob);
    const before = await world.eventCount();
    const early = await world.act<Problem>(daoId, poolId, 'rosca-join', body);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ROSCA.NOT_DEPLOYED');
    expect(early.headers.get('retry-after')).toBeTruthy();
    expect(await world.eventCount()).toBe(before);
    await world.deployPool(poolId);
    expect((await world.act(daoId, poolId, 'rosca-join', body)).status).toBe(202);
  });

  it('refuses a replay (409), another signer (401), another pool (400) and a pool of another DAO (404)', async () => {
    const poolId = await deployedPool();
    const otherPool = await deployedPool();
    const foreignPool = await deployedPool({}, otherDaoId);
    const body = await joinBody(poolId, alice);
    expect((await world.act(daoId, poolId, 'rosca-join', body)).status).toBe(202);
    const replay = await world.act<Problem>(daoId, poolId, 'rosca-join', body);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SIGNATURE.REPLAYED');

    const forged = await joinBody(poolId, bob, {}, { mutate: (m: Record<string, unknown>) => ({ ...m, member: carol.address }) });
    const wrongSigner = await world.act<Problem>(daoId, poolId, 'rosca-join', forged);
    expect(wrongSigner.status).toBe(401);
    expect(wrongSigner.body.code).toBe('SIGNATURE.INVALID');

    const elsewhere = await world.act<Problem>(daoId, otherPool, 'rosca-join', await joinBody(poolId, bob));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('SIGNATURE.WRONG_POOL');
    expect(elsewhere.body.errors).toEqual([{ field: 'message.pool', message: `must be ${otherPool}` }]);

    // Signed for this DAO and naming the other DAO's pool: the pool is not found in this DAO.
    const crossed = await joinBody(poolId, bob, {}, { mutate: (m: Record<string, unknown>) => ({ ...m, pool: foreignPool }) });
    const foreign = await world.act<Problem>(daoId, foreignPool, 'rosca-join', crossed);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('ROSCA.NOT_FOUND');
    // Signed for the other DAO, sent to this DAO's route.
    const otherDao = await world.act<Problem>(daoId, poolId, 'rosca-join', await joinBody(foreignPool, bob, {}, {}, otherDaoId));
    expect(otherDao.status).toBe(400);
    expect(['SIGNATURE.WRONG_DAO', 'SIGNATURE.WRONG_POOL']).toContain(otherDao.body.code);
    expect(pending(await world.poolState(poolId))).toEqual([alice.address]);
  });

  it('refuses someone who is not an active member of the DAO (403)', async () => {
    const poolId = await deployedPool();
    const res = await world.act<Problem>(daoId, poolId, 'rosca-join', await joinBody(poolId, eve));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROSCA.NOT_A_DAO_MEMBER');
    expect(pending(await world.poolState(poolId))).toEqual([]);
  });

  it('asks a lottery pool for a commitment (422 with the zero hash) and takes one', async () => {
    const poolId = await deployedPool({ rotationMethod: 'lottery' });
    const none = await world.act<Problem>(daoId, poolId, 'rosca-join', await joinBody(poolId, alice));
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('ROSCA.COMMITMENT_REQUIRED');
    const commitment = `0x${'ab'.repeat(32)}`;
    const ok = await world.act<RoscaActionView>(daoId, poolId, 'rosca-join', await joinBody(poolId, alice, { commitment }));
    expect(ok.status).toBe(202);
    expect(ok.body.recorded[0].data).toMatchObject({ commitment });
  });

  it('refuses malformed signed fields with 400 naming each', async () => {
    const poolId = await deployedPool();
    const body = await joinBody(poolId, alice);
    const res = await world.act<Problem>(daoId, poolId, 'rosca-join', {
      ...body,
      message: { ...body.message, commitment: '0x1', member: 'alice', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['message.commitment', 'message.member', 'message.extra']));
  });

  it('refuses a member expelled from another of the DAO pools (the read model says so)', async () => {
    // The read model's table as the read-models migration defines it; created here when that migration is absent.
    await api.db.pool.query(`CREATE TABLE IF NOT EXISTS rm_rosca_members (
      pool_id text NOT NULL, member text NOT NULL, dao_id text NOT NULL, joined_at timestamptz NOT NULL,
      collateral numeric(78,0) NOT NULL, held_back numeric(78,0) NOT NULL, contributed numeric(78,0) NOT NULL,
      received_round int NULL, strikes int NOT NULL, departed text NULL, PRIMARY KEY (pool_id, member))`);
    await api.db.pool.query(
      `INSERT INTO rm_rosca_members (pool_id, member, dao_id, joined_at, collateral, held_back, contributed, received_round, strikes, departed)
       VALUES ('rosca_old', $1, $2, now(), 0, 0, 0, NULL, 3, 'expelled')`,
      [carol.address, daoId],
    );
    const poolId = await deployedPool();
    const res = await world.act<Problem>(daoId, poolId, 'rosca-join', await joinBody(poolId, carol));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROSCA.BANNED');
    // Banned in this DAO only.
    const elsewhere = await deployedPool({}, otherDaoId);
    expect((await world.act(otherDaoId, elsewhere, 'rosca-join', await joinBody(elsewhere, carol, {}, {}, otherDaoId))).status).toBe(202);
  });

  it('never answers a malformed body with a 5xx, on any rotating-pool route', async () => {
    const poolId = await deployedPool();
    const base = await joinBody(poolId, alice);
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.constant(null),
      fc.integer(),
      fc.constant('9'.repeat(90)),
      fc.array(fc.string()),
    );
    const message = fc.dictionary(
      fc.constantFrom(
        'member',
        'pool',
        'commitment',
        'secret',
        'order',
        'round',
        'discountBps',
        'dao',
        'nonce',
        'deadline',
        '__proto__',
        'x',
      ),
      hostile,
    );
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record({ message: fc.oneof(message, hostile), signature: fc.oneof(hostile, fc.constant(base.signature)) }, { requiredKeys: [] }),
      message.map((m) => ({ message: { ...base.message, ...m }, signature: base.signature })),
    );
    const paths = [
      ...Object.values(ROUTES).map((r) => `/v1/daos/${daoId}/rotating-pools/${poolId}/${r}`),
      ...Object.keys(ROUTES).map((a) => `/v1/daos/${daoId}/typed-data/${a}`),
      `/v1/daos/${daoId}/rotating-pools`,
    ];
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), bodies, async (path, body) => {
        const res = await api.request('POST', path, { body, admin: path.endsWith('rotating-pools') });
        statuses.add(res.status);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    // The base message untouched is a valid join (202 once, then a replay): everything else is a refusal.
    expect(statuses.has(400)).toBe(true);
  });
});
