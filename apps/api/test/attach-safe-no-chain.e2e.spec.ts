import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';

const SAFE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';

/** Attaching a Safe reads it from the chain: without one, or while it does not answer, nothing is created. */
describe('Creating a DAO that attaches a Safe, without a chain to read it from', () => {
  const apis: TestApi[] = [];
  afterAll(async () => {
    for (const api of apis) await api.close();
  });
  const eventCount = async (api: TestApi) => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  it('is refused 422 naming `safe` when no network is configured', async () => {
    const api = await startTestApi();
    apis.push(api);
    const res = await api.request<Problem>('POST', '/v1/daos', { admin: true, body: { name: 'Attached', safe: SAFE } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DAO.SAFE_NEEDS_NETWORK', errors: [{ field: 'safe' }] });
    expect(res.body.detail).toContain('needs a configured network');
    expect(await eventCount(api)).toBe(0);
  });

  it('is answered 503 CHAIN.UNAVAILABLE with Retry-After when the node does not answer', async () => {
    const api = await startTestApi({ RPC_URL: 'http://127.0.0.1:9' }); // nothing listens there
    apis.push(api);
    const res = await api.request<Problem>('POST', '/v1/daos', { admin: true, body: { name: 'Attached', safe: SAFE } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toMatchObject({ code: 'CHAIN.UNAVAILABLE' });
    expect(await eventCount(api)).toBe(0);
  });

  it('leaves a malformed Safe address to the configuration check, which names the field', async () => {
    const api = await startTestApi({ RPC_URL: 'http://127.0.0.1:9' });
    apis.push(api);
    const res = await api.request<Problem>('POST', '/v1/daos', { admin: true, body: { name: 'Attached', safe: SAFE.toLowerCase() } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'safe' })]);
  });
});
