import { streams } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts } from '../../../test/support/signing';
import type { AdminKeyWithSecretView } from '../src/admin-auth/admin-keys/admin-key.view';
import type { RotatingPoolCreatedView } from '../src/rotating-pools/create-pool/rotating-pool-created.view';
import { POOL_CONFIG, roscaWorld, type RoscaWorld } from './rosca-writes.fixture';

const founders = labelledAccounts('rosca-create', 3);

describe('POST /v1/daos/:id/rotating-pools (admin)', () => {
  let api: TestApi;
  let world: RoscaWorld;
  let daoId: string;
  let safe: string;
  beforeAll(async () => {
    api = await startTestApi();
    world = roscaWorld(api);
    daoId = await world.createDao(founders);
    safe = await world.deployTreasury(daoId, founders.slice(0, 1));
  });
  afterAll(() => api.close());

  const create = <T = RotatingPoolCreatedView>(body: unknown, headers: Record<string, string> = {}, dao = daoId) =>
    api.request<T>('POST', `/v1/daos/${dao}/rotating-pools`, { admin: Object.keys(headers).length === 0, headers, body });

  it('creates a FORMING pool organised by the DAO Safe, defaults applied, amounts as strings', async () => {
    const res = await create(POOL_CONFIG);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      poolId: expect.stringMatching(/^rosca_[0-9a-f]{28}$/),
      daoId,
      status: 'FORMING',
      configuration: {
        daoId,
        organiser: safe,
        contributionAmount: POOL_CONFIG.contributionAmount,
        rotationIntervalSeconds: POOL_CONFIG.rotationIntervalSeconds,
        memberCount: 3,
        startDate: POOL_CONFIG.startDate,
        collateralPercent: 20,
        gracePeriodSeconds: 172800,
        penaltyRateBps: 500,
        allowEmergencyExit: true,
        earlyExitPenaltyBps: 1000,
        platformFeeBps: 0,
        rotationMethod: 'join-order',
      },
    });
    const events = await world.store.readStream(streams.rosca.of(res.body.poolId).streamId);
    expect(events.map((e) => e.type)).toEqual(['RotatingPoolCreated']);
    expect(events[0].data).toMatchObject({ createdBy: 'admin:platform', configuration: { contributionAmount: 100000000000000000000n } });
  });

  it('takes every parameter the seed names', async () => {
    const body = {
      ...POOL_CONFIG,
      memberCount: 5,
      collateralPercent: 0,
      gracePeriodSeconds: 3600,
      penaltyRateBps: 250,
      allowEmergencyExit: false,
      earlyExitPenaltyBps: 0,
      platformFeeBps: 100,
      rotationMethod: 'bidding',
    };
    const res = await create(body);
    expect(res.status).toBe(201);
    const { contributionAmount: _amount, ...rest } = body;
    expect(res.body.configuration).toMatchObject(rest);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a numeric amount', { contributionAmount: 5 }, 'contributionAmount'],
    ['a negative amount', { contributionAmount: '-1' }, 'contributionAmount'],
    ['an amount in exponent form', { contributionAmount: '1e18' }, 'contributionAmount'],
    ['an interval under an hour', { rotationIntervalSeconds: 60 }, 'rotationIntervalSeconds'],
    ['a fractional interval', { rotationIntervalSeconds: 3600.5 }, 'rotationIntervalSeconds'],
    ['one member', { memberCount: 1 }, 'memberCount'],
    ['51 members', { memberCount: 51 }, 'memberCount'],
    ['a numeric start date', { startDate: 1767225600 }, 'startDate'],
    ['a collateral over 100 %', { collateralPercent: 101 }, 'collateralPercent'],
    ['a negative grace period', { gracePeriodSeconds: -1 }, 'gracePeriodSeconds'],
    ['a penalty over 100 %', { penaltyRateBps: 10001 }, 'penaltyRateBps'],
    ['an exit flag as text', { allowEmergencyExit: 'yes' }, 'allowEmergencyExit'],
    ['an exit penalty as text', { earlyExitPenaltyBps: '10' }, 'earlyExitPenaltyBps'],
    ['a fee over 10 %', { platformFeeBps: 1001 }, 'platformFeeBps'],
    ['an unknown rotation method', { rotationMethod: 'random' }, 'rotationMethod'],
    ['an organiser in the body', { organiser: founders[0].address }, 'organiser'],
    ['a DAO in the body', { daoId: 'dao_x' }, 'daoId'],
  ])('refuses %s (400 naming the field)', async (_label, change, field) => {
    const before = await world.eventCount();
    const res = await create<Problem>({ ...POOL_CONFIG, ...change });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(await world.eventCount()).toBe(before);
  });

  it('names every missing required field at once', async () => {
    const res = await create<Problem>({});
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['contributionAmount', 'rotationIntervalSeconds', 'memberCount', 'startDate']),
    );
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a zero amount', { contributionAmount: '0' }, 'contributionAmount', 'ROSCA.INVALID_CONFIGURATION'],
    ['an amount over uint256', { contributionAmount: (2n ** 256n).toString() }, 'contributionAmount', 'REQUEST.OUT_OF_RANGE'],
    ['a start date that is not ISO', { startDate: 'next monday' }, 'startDate', 'ROSCA.INVALID_CONFIGURATION'],
    [
      'a grace period as long as the interval',
      { rotationIntervalSeconds: 86400, gracePeriodSeconds: 86400 },
      'gracePeriodSeconds',
      'ROSCA.INVALID_CONFIGURATION',
    ],
    [
      'a fee a payout could not hold back',
      { memberCount: 50, collateralPercent: 0, platformFeeBps: 1000 },
      'platformFeeBps',
      'ROSCA.INVALID_CONFIGURATION',
    ],
  ])('refuses %s (422 naming the field)', async (_label, change, field, code) => {
    const res = await create<Problem>({ ...POOL_CONFIG, ...change });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers a retry with the same Idempotency-Key with the first pool, recording it once', async () => {
    const headers = { authorization: 'Bearer test-admin-key-0123456789abcdef', 'idempotency-key': 'pool-once' };
    const first = await create(POOL_CONFIG, headers);
    const before = await world.eventCount();
    const again = await create(POOL_CONFIG, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.poolId).toBe(first.body.poolId);
    expect(await world.eventCount()).toBe(before);
    const reused = await create<Problem>({ ...POOL_CONFIG, memberCount: 4 }, headers);
    expect(reused.status).toBe(422);
  });

  it('refuses without an admin credential (401) and with another DAO admin key (403)', async () => {
    const anonymous = await api.request<Problem>('POST', `/v1/daos/${daoId}/rotating-pools`, { body: POOL_CONFIG });
    expect(anonymous.status).toBe(401);
    const otherDao = await world.createDao(founders);
    const issued = await api.request<AdminKeyWithSecretView>('POST', `/v1/daos/${otherDao}/admin-keys`, {
      admin: true,
      body: { name: 'ops' },
    });
    expect(issued.status).toBe(201);
    const foreign = await create<Problem>(POOL_CONFIG, { authorization: `Bearer ${issued.body.key}` });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('AUTH.OTHER_DAO');
    // That DAO's own key may create in its DAO, once its Safe is deployed.
    await world.deployTreasury(otherDao, founders.slice(0, 1));
    const own = await create(POOL_CONFIG, { authorization: `Bearer ${issued.body.key}` }, otherDao);
    expect(own.status).toBe(201);
  });

  it('refuses 409 while the DAO has no deployed Safe, and 404 for an unknown DAO', async () => {
    const undeployed = await world.createDao(founders);
    const before = await world.eventCount();
    const res = await create<Problem>(POOL_CONFIG, {}, undeployed);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROSCA.DAO_NOT_DEPLOYED');
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await world.eventCount()).toBe(before);
    const unknown = await create<Problem>(POOL_CONFIG, {}, 'dao_0000000000000000000000000000');
    expect(unknown.status).toBe(404);
  });
});
