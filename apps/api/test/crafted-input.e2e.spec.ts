import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';

// Inputs an attacker crafts to reach a server error: each gets a 4xx problem naming what is wrong, never a 5xx.
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('crafted input', () => {
  let api: TestApi;
  let daoId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const created = await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Crafted input', founders: [ALICE] } });
    daoId = created.body.id;
  });
  afterAll(() => api.close());

  const problemOf = async (method: string, path: string, options = {}): Promise<{ status: number; problem: Problem }> => {
    const res = await api.request<Problem>(method, path, options);
    return { status: res.status, problem: res.body };
  };
  const fields = (problem: Problem) => (problem.errors ?? []).map((e) => e.field);

  it.each([
    ['a log position beyond 64 bits in ?after', () => `/v1/daos/${daoId}/events?after=9999999999999999999`, 'after'],
    ['a log position beyond 64 bits in ?asOf', () => `/v1/daos/${daoId}/members?asOf=9999999999999999999`, 'asOf'],
    ['an impossible date in ?asOf (31 February)', () => `/v1/daos/${daoId}/members?asOf=2026-02-31T00:00:00Z`, 'asOf'],
    ['an impossible hour in ?asOf', () => `/v1/daos/${daoId}?asOf=2026-01-31T24:30:00Z`, 'asOf'],
    ['an impossible offset in ?asOf', () => `/v1/daos/${daoId}/proposals?asOf=2026-01-31T12:00:00%2B25:00`, 'asOf'],
  ])('refuses %s with 400 naming the field', async (_label, path, field) => {
    const { status, problem } = await problemOf('GET', path());
    expect(status).toBe(400);
    expect(fields(problem)).toEqual([field]);
  });

  it('still reads a real date with an offset', async () => {
    const res = await api.request('GET', `/v1/daos/${daoId}?asOf=${encodeURIComponent('2099-02-28T23:59:59+01:00')}`);
    expect(res.status).toBe(200);
  });

  it.each([
    ['a NUL inside the id', ['2026-01-01T00:00:00.000Z', 'dao_\u0000']],
    ['a date PostgreSQL cannot read', ['Tue Dec 01 2026 10:00:00 GMT+0000 (x)\u0000', 'dao_1']],
    ['a far date', ['+275760-09-13T00:00:00.000Z', 'dao_1']],
  ])('refuses a cursor with %s', async (_label, value) => {
    const cursor = Buffer.from(JSON.stringify(value)).toString('base64url');
    const { status, problem } = await problemOf('GET', `/v1/daos?cursor=${cursor}`, { admin: true });
    expect(status).toBe(400);
    expect(fields(problem)).toEqual(['cursor']);
  });

  it('refuses a deeply nested body with a 4xx, unauthenticated or not', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const admin of [false, true]) {
      const res = await api.request('POST', '/v1/daos', { admin, rawBody: `{"name":"x","founders":${deep}}` });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const nested = await api.request('POST', `/v1/daos/${daoId}/typed-data/proposal`, {
      rawBody: `{"payload":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    });
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
  });

  it.each([
    ['a "__proto__" key', '{"name":"x","founders":[],"__proto__":{"admin":true}}', 'REQUEST.FORBIDDEN_KEY'],
    ['a "constructor.prototype" key', '{"name":"x","constructor":{"prototype":{"admin":true}}}', 'REQUEST.FORBIDDEN_KEY'],
    ['text that is not JSON', '{"name":', 'REQUEST.INVALID_JSON'],
  ])('refuses a body with %s with 400 and a code that says which', async (_label, rawBody, code) => {
    const before = (await api.request<DaoView[]>('GET', '/v1/daos')).body;
    const res = await api.request<Problem>('POST', '/v1/daos', { admin: true, rawBody });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect((await api.request<DaoView[]>('GET', '/v1/daos')).body).toEqual(before);
  });
});
