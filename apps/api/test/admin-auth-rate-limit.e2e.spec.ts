import { expect } from '@jest/globals';
import { startTestApi, TEST_ADMIN_KEY, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';

describe('Failed admin authentications are rate-limited per client IP', () => {
  let api: TestApi;
  let daoId: string;
  beforeAll(async () => {
    api = await startTestApi({ ADMIN_AUTH_MAX_FAILURES: '3' });
    daoId = (await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'limited' } })).body.id;
  });
  afterAll(() => api.close());

  const as = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

  it('answers 429 with a problem and Retry-After once an IP has failed too often, whatever it presents then', async () => {
    // Working admins are never slowed: successes do not count.
    for (let i = 0; i < 10; i++) expect((await api.request('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).status).toBe(200);
    // A missing credential is no guess either.
    for (let i = 0; i < 5; i++) expect((await api.request('GET', `/v1/daos/${daoId}/webhooks`)).status).toBe(401);

    const guesses = [`${TEST_ADMIN_KEY}x`, 'guess-0123456789abcdefghij', `ayllu_dak.${daoId}.key_${'0'.repeat(24)}.${'A'.repeat(43)}`];
    for (const guess of guesses) expect((await api.request('GET', `/v1/daos/${daoId}/webhooks`, as(guess))).status).toBe(401);

    const limited = await api.request<Problem>(
      'POST',
      `/v1/daos/${daoId}/members/0x${'1'.repeat(40)}/approval`,
      as('another-guess-0123456789'),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_FAILED_ATTEMPTS' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right key is not looked at until the window ends, so a lucky guess would not show.
    expect((await api.request('GET', `/v1/daos/${daoId}/webhooks`, { admin: true })).status).toBe(429);
  });
});
