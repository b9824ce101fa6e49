import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

const ADMIN_KEY = 'rate-limit-test-admin-key-0123456789';

describe('Rate limit on unauthenticated routes (@fastify/rate-limit)', () => {
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  const start = async (env: Record<string, string>) => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'silent', ...env });
    const app = await createApiApp({ config, pool: db.pool, adminApiKey: ADMIN_KEY });
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.drop();
  });

  it('answers 429 as an RFC 7807 problem with Retry-After past RATE_LIMIT_MAX, and leaves /health alone', async () => {
    const url = await start({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/v1/daos`)).status).toBe(200);
    const refused = await fetch(`${url}/v1/daos`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { type: string; title: string; status: number; code: string; detail: string };
    expect(body).toMatchObject({ title: 'Too Many Requests', status: 429, code: 'RATE_LIMIT.EXCEEDED' });
    expect(body.type).toMatch(/^https:\/\//);
    expect(body.detail).toMatch(/retry in \d+ s/);
    // Every route shares the budget, an unauthenticated POST included; liveness probes do not count.
    expect((await fetch(`${url}/v1/daos/dao_${'0'.repeat(28)}/members/0x${'1'.repeat(40)}/claim`, { method: 'POST' })).status).toBe(429);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('RATE_LIMIT_MAX=0 turns the limit off (tests and load benchmarks)', async () => {
    const url = await start({ RATE_LIMIT_MAX: '0' });
    const statuses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${url}/v1/daos`).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
