import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { startTestApi, type TestApi } from '../../../test/support/api';

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>';

describe('The API serves the web app at its own address', () => {
  describe('with a build', () => {
    let api: TestApi;
    let dist: string;
    beforeAll(async () => {
      dist = mkdtempSync(join(tmpdir(), 'ayllu-web-dist-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), INDEX);
      writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("ayllu")');
      api = await startTestApi({}, { webDistDir: dist });
    });
    afterAll(async () => {
      await api.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it.each([
      '/',
      '/admin',
      '/daos/dao_1',
      '/daos/dao_1/proposals',
      '/daos/dao_1/proposals/new',
      '/daos/dao_1/proposals/prop_1',
      '/daos/dao_1/treasury',
      '/daos/dao_1/treasury/0xabc',
      '/daos/dao_1/admin',
      '/daos/dao_1/withdrawals',
      '/daos/dao_1/rotating-pools/p1',
      '/daos/dao_1/share-pools/p1',
    ])('answers index.html at %s', async (path) => {
      const res = await api.request<string>('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.body).toBe(INDEX);
    });

    it('serves the assets with their content type, and 404 for an asset that is not there', async () => {
      const res = await api.request<string>('GET', '/assets/app-abc123.js');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('javascript');
      expect((await api.request('GET', '/assets/missing.js')).status).toBe(404);
    });

    it('leaves the API, its documents and its health routes as they were', async () => {
      const daos = await api.request<{ items: unknown[] }>('GET', '/v1/daos');
      expect(daos.status).toBe(200);
      expect(daos.headers.get('content-type')).toContain('application/json');
      expect((await api.request('GET', '/v1/daos/dao_missing')).headers.get('content-type')).toContain('application/problem+json');
      expect((await api.request<{ openapi: string }>('GET', '/docs-json')).body.openapi).toMatch(/^3\./);
      expect((await api.request('GET', '/health/live')).status).toBe(200);
      expect((await api.request('GET', '/metrics')).status).toBe(200);
    });
  });

  describe('without a build', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({}, { webDistDir: join(tmpdir(), 'ayllu-web-dist-never-built') });
    });
    afterAll(() => api.close());

    it('answers the app routes 404 with a page that says how to build it', async () => {
      for (const path of ['/', '/daos/dao_1/proposals']) {
        const res = await api.request<string>('GET', path);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('text/html');
        expect(res.body).toContain('npm run web:build');
      }
      expect((await api.request('GET', '/v1/daos')).status).toBe(200);
    });
  });
});
