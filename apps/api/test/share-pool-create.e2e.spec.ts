import type { Address } from '@ayllu/domain';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, type TestSigner } from '../../../test/support/signing';
import type { SharePoolCreatedView } from '../src/share-pools/create-pool/share-pool-created.view';
import type { SharePoolPage, SharePoolView } from '../src/share-pools/reads/share-pool.view';
import { labelled } from './rosca-writes.fixture';
import { SHARE_POOL_CONFIG, shareWorld, type ShareWorld } from './share-writes.fixture';

const [alice, bob] = labelledAccounts('share-create', 2) as [TestSigner, TestSigner];

describe('Creating and listing share pools (admin)', () => {
  let api: TestApi;
  let world: ShareWorld;
  let daoId: string;
  let safe: Address;
  beforeAll(async () => {
    api = await startTestApi();
    world = shareWorld(api);
    daoId = await world.createDao([alice, bob]);
    safe = await world.deployTreasury(daoId, [alice]);
  });
  afterAll(() => api.close());

  const create = <T>(body: Record<string, unknown>, dao = daoId) =>
    api.request<T>('POST', `/v1/daos/${dao}/share-pools`, { admin: true, body });

  it("creates a pool with the DAO's Safe as creator and the DAO's payout token for distributions", async () => {
    const res = await create<SharePoolCreatedView>({
      ...SHARE_POOL_CONFIG,
      description: 'Panels on the school roof',
      estimatedApr: '12.5',
    });
    expect(res.status).toBe(201);
    expect(res.body.poolId).toMatch(/^share_[0-9a-f]{28}$/);
    expect(res.body.status).toBe('CREATED');
    expect(res.body.configuration).toMatchObject({
      daoId,
      creator: safe,
      distributionToken: labelled(`${daoId}:payout`),
      pricePerShare: '1000000000000000000',
      visibility: 'public',
      transfersAllowed: false,
      estimatedApr: '12.5',
    });
  });

  it('refuses without credentials, and before the DAO has its Safe', async () => {
    expect((await api.request('POST', `/v1/daos/${daoId}/share-pools`, { body: SHARE_POOL_CONFIG })).status).toBe(401);
    const undeployed = await world.createDao([alice]);
    const res = await create<Problem>(SHARE_POOL_CONFIG, undeployed);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SHARE_POOL.DAO_NOT_DEPLOYED');
  });

  it('answers malformed fields with 400 and refused configurations with 422, field by field', async () => {
    const shape = await create<Problem>({ ...SHARE_POOL_CONFIG, ticker: 7, pricePerShare: '-1', colour: 'red' });
    expect(shape.status).toBe(400);
    expect([...new Set(shape.body.errors?.map((e) => e.field))].sort()).toEqual(['colour', 'pricePerShare', 'ticker']);
    const refused = await create<Problem>({
      ...SHARE_POOL_CONFIG,
      pricePerShare: undefined,
      purchaseToken: undefined,
      creatorShares: 10_000,
      crowdfunding: { target: '5', deadline: '2030-01-01T00:00:00Z' },
      accessConditions: [{ kind: 'minimumBalance', token: 'nope', amount: 'x' }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SHARE_POOL.INVALID_CONFIGURATION');
    expect(refused.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['purchaseToken', 'creatorShares', 'pricePerShare', 'crowdfunding']),
    );
    expect(refused.body.errors?.some((e) => e.field.startsWith('accessConditions[0]'))).toBe(true);
  });

  it('lists public pools only, oldest first, by pages; a private or deleted pool is left out but read by id', async () => {
    const dao = await world.createDao([alice]);
    await world.deployTreasury(dao, [alice]);
    const first = await world.createSharePool(dao);
    const hidden = await world.createSharePool(dao, { visibility: 'private' });
    const deleted = await world.createSharePool(dao);
    const third = await world.createSharePool(dao);
    const del = await api.request('POST', `/v1/daos/${dao}/share-pools/${deleted}/deletion`, {
      admin: true,
      body: { reason: 'Duplicate' },
    });
    expect(del.status).toBe(201);
    await world.project();
    const page1 = await api.request<SharePoolPage>('GET', `/v1/daos/${dao}/share-pools?limit=1`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((p) => p.poolId)).toEqual([first]);
    const page2 = await api.request<SharePoolPage>('GET', `/v1/daos/${dao}/share-pools?limit=5&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((p) => p.poolId)).toEqual([third]);
    expect(page2.body.nextCursor).toBeNull();
    const asOf = await api.request<SharePoolPage>(
      'GET',
      `/v1/daos/${dao}/share-pools?asOf=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(asOf.body.items.map((p) => p.poolId)).toEqual([first, third]);
    const got = await api.request<SharePoolView>('GET', `/v1/daos/${dao}/share-pools/${hidden}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ visibility: 'private', available: 7000, holders: [{ shares: 3000 }], totalShares: 10000 });
    expect((await api.request<Problem>('GET', `/v1/daos/${daoId}/share-pools/${hidden}`)).status).toBe(404);
  });
});
