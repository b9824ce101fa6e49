import { DAO_LIMITS } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { labelledAccounts, signIntent } from '../../../test/support/signing';
import { governanceLog, memberAddress } from '../../worker/src/testing/governance-log';
import type { DaoView } from '../src/daos/dao.view';
import type { MemberView } from '../src/governance-reads/members/member.view';

describe('Pending join requests are capped per DAO', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  it(`refuses a signed join request with 409 DAO.JOIN_REQUESTS_FULL once ${DAO_LIMITS.maxPendingJoinRequests} await a decision, appending nothing`, async () => {
    const [founder, stranger] = labelledAccounts('join-requests-cap', 2);
    const created = await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Capped', founders: [founder.address] } });
    expect(created.status).toBe(201);
    const daoId = created.body.id;
    const log = governanceLog(new PostgresEventStore(api.db.pool));
    for (let i = 0; i < DAO_LIMITS.maxPendingJoinRequests; i++)
      await log.requestToJoin(daoId, memberAddress(1000 + i), new Date().toISOString());

    const before = await eventCount();
    const body = await signIntent(api, daoId, 'join-request', { address: stranger.address }, stranger);
    const refused = await api.request<Problem>('POST', `/v1/daos/${daoId}/join-requests`, { body });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'DAO.JOIN_REQUESTS_FULL',
      detail: expect.stringContaining(String(DAO_LIMITS.maxPendingJoinRequests)),
    });
    expect(await eventCount()).toBe(before);
  });

  it('still takes a request below the cap', async () => {
    const [founder, stranger] = labelledAccounts('join-requests-cap-below', 2);
    const created = await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Open', founders: [founder.address] } });
    const daoId = created.body.id;
    const body = await signIntent(api, daoId, 'join-request', { address: stranger.address }, stranger);
    const accepted = await api.request<MemberView>('POST', `/v1/daos/${daoId}/join-requests`, { body });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ address: stranger.address, status: 'PENDING' });
  });
});
