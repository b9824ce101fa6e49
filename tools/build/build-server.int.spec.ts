// The compiled form production runs (`npm run build` → dist/): the API and the worker start from plain JavaScript,
// with no compiler loaded, and serve what they serve from the sources.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { TEST_ADMIN_KEY } from '../../test/support/api';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { freePort, startApi, startWorkerProcess, workerStarted, type RunningProcess } from '../../test/faults/support/processes';
import { buildServer } from './build-server';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const OUT = `dist-check-${process.pid}`;

describe('npm run build: the compiled API and worker', () => {
  let db: TestDatabase;
  const running: RunningProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    const { files } = buildServer(path.join(ROOT, OUT));
    expect(files).toBeGreaterThan(100);
  });
  afterAll(async () => {
    for (const proc of running) await proc.stop();
    await db?.drop();
    rmSync(path.join(ROOT, OUT), { recursive: true, force: true });
  });

  it('starts the API from dist/ and answers health, the OpenAPI document, an admin route and a refusal', async () => {
    const env = { databaseUrl: db.url, adminKey: TEST_ADMIN_KEY };
    const api = await startApi(env, await freePort(), true, `${OUT}/apps/api/src/main.js`);
    running.push(api);
    expect(api.output()).not.toMatch(/swc|register/i);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    const docs = (await (await fetch(`${api.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toContain('/v1/daos/{id}/proposals/{pid}/votes');
    const daos = await fetch(`${api.url}/v1/daos`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(daos.status).toBe(200);
    const refused = await fetch(`${api.url}/v1/daos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('starts the worker from dist/: it catches up and starts its jobs', async () => {
    const worker = startWorkerProcess({ databaseUrl: db.url, adminKey: TEST_ADMIN_KEY }, `${OUT}/apps/worker/src/main.js`);
    running.push(worker);
    await workerStarted(worker, 90_000);
  });
});
