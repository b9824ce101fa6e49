import { expect } from '@jest/globals';
import { startTestApi, TEST_ADMIN_KEY, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { DaoPage } from '../src/daos/list-daos/list-daos.controller';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CAROL = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

describe('DAOs over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  describe('creating', () => {
    it('creates a DAO with defaults and answers 201 with its id', async () => {
      const res = await api.request<DaoView>('POST', '/v1/daos', {
        admin: true,
        body: {
          name: 'Lima Savers',
          founders: [ALICE, BOB],
          treasurers: [CAROL],
          treasurerThreshold: 1,
          minimumDeposit: '50000000000000000000',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^dao_[0-9a-f]{28}$/),
        name: 'Lima Savers',
        description: '',
        access: 'open',
        votingType: 'democratic',
        quorumBps: 5100,
        votingPeriodSeconds: 259200,
        earlyClose: false,
        allowVoteChange: false,
        minimumDeposit: '50000000000000000000',
        maxMembers: 1000,
        maxActiveProposals: 10,
        platformFeeBps: 1000,
        treasurers: [CAROL],
        treasurerThreshold: 1,
        memberCount: 2,
      });
      expect(res.body.approvalThresholdBps.REMOVE_MEMBER).toBe(6000);
      expect(res.body.deployment).toEqual({ status: 'pending' });
      const read = await api.request<DaoView>('GET', `/v1/daos/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('says a DAO without treasurers has nothing deployed and why, instead of pending for ever', async () => {
      const res = await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name: 'Off-chain circle', founders: [ALICE] } });
      expect(res.status).toBe(201);
      expect(res.body.treasurers).toEqual([]);
      expect(res.body.deployment).toEqual({ status: 'none', reason: expect.stringContaining('no treasurers') });
      // The same from the log (not projected yet), then from the read model.
      const fromLog = await api.request<DaoView>('GET', `/v1/daos/${res.body.id}`);
      expect(fromLog.body.deployment).toEqual(res.body.deployment);
      await waitForProjection(api);
      const read = await api.request<DaoView>('GET', `/v1/daos/${res.body.id}`);
      expect(read.body.deployment).toEqual(res.body.deployment);
      const listed = await api.request<DaoPage>('GET', '/v1/daos?limit=1000');
      expect(listed.body.items.find((d) => d.id === res.body.id)?.deployment).toEqual(res.body.deployment);
    });

    it('stores strings verbatim, quotes and SQL included', async () => {
      const name = `Robert'); DROP TABLE events;-- "quoted" \\ 🦙`;
      const res = await api.request<DaoView>('POST', '/v1/daos', { admin: true, body: { name, description: "' OR 1=1 --" } });
      expect(res.status).toBe(201);
      expect((await api.request('GET', `/v1/daos/${res.body.id}`)).body).toMatchObject({ name, description: "' OR 1=1 --" });
    });

    it('honours Idempotency-Key: a retry returns the first DAO and appends nothing', async () => {
      const headers = { 'idempotency-key': `create-${Date.now()}` };
      const first = await api.request('POST', '/v1/daos', { admin: true, headers, body: { name: 'Once' } });
      const before = await eventCount();
      const retry = await api.request('POST', '/v1/daos', { admin: true, headers, body: { name: 'Once' } });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
      const other = await api.request<Problem>('POST', '/v1/daos', { admin: true, headers, body: { name: 'Different' } });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });

    it('creates once when the same keyed request arrives many times at once', async () => {
      const headers = { 'idempotency-key': `burst-${Date.now()}` };
      const before = await eventCount();
      const all = await Promise.all(
        Array.from({ length: 8 }, () => api.request<DaoView>('POST', '/v1/daos', { admin: true, headers, body: { name: 'Burst' } })),
      );
      expect(all.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
      expect(await eventCount()).toBe(before + 1);
    });
  });

  describe('reading', () => {
    it('lists DAOs newest first with a cursor', async () => {
      for (const name of ['Page A', 'Page B', 'Page C']) await api.request('POST', '/v1/daos', { admin: true, body: { name } });
      await waitForProjection(api);
      const first = await api.request<DaoPage>('GET', '/v1/daos?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const second = await api.request<DaoPage>('GET', `/v1/daos?limit=2&cursor=${first.body.nextCursor}`);
      const ids = [...first.body.items, ...second.body.items].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      for (const id of ['dao_0000000000000000000000000000', 'nope', "1' OR '1'='1"]) {
        const res = await api.request('GET', `/v1/daos/${encodeURIComponent(id)}`);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 404, code: 'DAO.NOT_FOUND' });
      }
    });

    it('checks the database in /health', async () => {
      expect((await api.request('GET', '/health')).body).toEqual({ status: 'ok', database: 'ok' });
    });

    it('reports an unreachable chain as degraded, and a reachable one with its block', async () => {
      const { loadConfig } = await import('@ayllu/platform');
      const { createApiApp } = await import('../src/bootstrap');
      const { createServer } = await import('node:http');
      const rpc = createServer((_req, res) => res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x2a' })));
      await new Promise<void>((r) => rpc.listen(0, '127.0.0.1', () => r()));
      const port = (rpc.address() as { port: number }).port;
      const probe = async (rpcUrl: string) => {
        const config = loadConfig({
          NODE_ENV: 'test',
          DATABASE_URL: api.db.url,
          ADMIN_API_KEY: TEST_ADMIN_KEY,
          LOG_LEVEL: 'silent',
          RPC_URL: rpcUrl,
        });
        const app = await createApiApp({ config, pool: api.db.pool, adminApiKey: TEST_ADMIN_KEY });
        await app.init();
        try {
          return JSON.parse((await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health' })).body) as unknown;
        } finally {
          await app.close();
        }
      };
      try {
        expect(await probe(`http://127.0.0.1:${port}`)).toEqual({
          status: 'ok',
          database: 'ok',
          chain: { status: 'ok', blockNumber: '42' },
        });
        expect(await probe('http://127.0.0.1:9')).toMatchObject({ status: 'degraded', database: 'ok', chain: { status: 'down' } });
      } finally {
        rpc.close();
      }
    });

    it('serves the OpenAPI document and UI', async () => {
      const json = await api.request<{ paths: Record<string, unknown> }>('GET', '/docs-json');
      expect(json.status).toBe(200);
      expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/v1/daos', '/v1/daos/{id}', '/health']));
      const ui = await api.request('GET', '/docs');
      expect(ui.status).toBe(200);
      expect(String(ui.body)).toContain('swagger');
    });
  });

  describe('authentication', () => {
    it.each([
      ['no header', {}],
      ['a wrong key', { authorization: 'Bearer wrong-key-wrong-key-wrong-key' }],
      ['another scheme', { authorization: `Basic ${TEST_ADMIN_KEY}` }],
      ['a key prefix', { authorization: `Bearer ${TEST_ADMIN_KEY.slice(0, -1)}` }],
    ])('refuses %s with the same 401 and changes nothing', async (_label, headers) => {
      const before = await eventCount();
      const res = await api.request('POST', '/v1/daos', { headers, body: { name: 'x' } });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHORIZED', detail: 'A valid admin API key is required' });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('bad input', () => {
    const cases: [string, { body?: unknown; rawBody?: string; headers?: Record<string, string> }, number, string | null][] = [
      ['non-JSON body', { rawBody: 'name=x' }, 400, null],
      ['a JSON array', { body: [{ name: 'x' }] }, 400, null],
      ['a JSON string', { rawBody: '"x"' }, 400, null],
      ['JSON null', { rawBody: 'null' }, 400, null],
      ['an empty body', { rawBody: '' }, 400, null],
      ['a text/plain body', { rawBody: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }, 415, null],
      ['a missing name', { body: { description: 'x' } }, 400, 'name'],
      ['an unknown field', { body: { name: 'x', colour: 'red' } }, 400, 'colour'],
      ['quorum 0', { body: { name: 'x', quorumBps: 0 } }, 400, 'quorumBps'],
      ['quorum 10001', { body: { name: 'x', quorumBps: 10001 } }, 400, 'quorumBps'],
      ['quorum as a string', { body: { name: 'x', quorumBps: '5000' } }, 400, 'quorumBps'],
      ['a fractional quorum', { body: { name: 'x', quorumBps: 50.5 } }, 400, 'quorumBps'],
      ['a voting period of 59 s', { body: { name: 'x', votingPeriodSeconds: 59 } }, 400, 'votingPeriodSeconds'],
      ['max members 100,001', { body: { name: 'x', maxMembers: 100_001 } }, 400, 'maxMembers'],
      ['a fee of 1001 bps', { body: { name: 'x', platformFeeBps: 1001 } }, 400, 'platformFeeBps'],
      ['a negative minimum deposit', { body: { name: 'x', minimumDeposit: '-1' } }, 400, 'minimumDeposit'],
      ['a numeric minimum deposit', { body: { name: 'x', minimumDeposit: 5 } }, 400, 'minimumDeposit'],
      ['a malformed founder', { body: { name: 'x', founders: ['0x123'] } }, 400, 'founders'],
      ['a non-checksummed founder', { body: { name: 'x', founders: [ALICE.toLowerCase().replace('0x7', '0x7')] } }, 422, 'founders[0]'],
      ['duplicate founders', { body: { name: 'x', founders: [ALICE, ALICE] } }, 422, 'founders[1]'],
      ['threshold above treasurers', { body: { name: 'x', treasurers: [ALICE], treasurerThreshold: 2 } }, 422, 'treasurerThreshold'],
      ['an unknown access mode', { body: { name: 'x', access: 'secret' } }, 400, 'access'],
      ['a NUL character', { body: { name: 'x\u0000y' } }, 400, 'name'],
      ['a 101-character name', { body: { name: 'n'.repeat(101) } }, 400, 'name'],
      [
        'a bad threshold map',
        { body: { name: 'x', approvalThresholdBps: { REMOVE_MEMBER: 0 } } },
        400,
        'approvalThresholdBps.REMOVE_MEMBER',
      ],
      [
        'an unknown proposal type in thresholds',
        { body: { name: 'x', approvalThresholdBps: { MINT: 5000 } } },
        400,
        'approvalThresholdBps.MINT',
      ],
      ['a bad Idempotency-Key', { body: { name: 'x' }, headers: { 'idempotency-key': 'has space' } }, 400, 'Idempotency-Key'],
    ];

    it.each(cases)('answers %s with a problem naming the field, and changes nothing', async (_label, input, status, field) => {
      const before = await eventCount();
      const res = await api.request<Problem>('POST', '/v1/daos', { admin: true, ...input });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), code: expect.any(String) });
      if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('answers a body over 1 MiB with 413', async () => {
      const res = await api.request<Problem>('POST', '/v1/daos', {
        admin: true,
        body: { name: 'x', description: 'd'.repeat(1024 * 1024 + 1) },
      });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('REQUEST.BODY_TOO_LARGE');
    });

    it('answers a bad list query with 400', async () => {
      for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'cursor=%27%3B--', 'cursor=abc', 'sort=name']) {
        const res = await api.request('GET', `/v1/daos?${q}`);
        expect(res.status).toBe(400);
      }
    });

    it('answers unknown routes with a 404 problem', async () => {
      const res = await api.request<Problem>('DELETE', '/v1/daos');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ROUTE.NOT_FOUND');
    });
  });
});

/** The worker projects asynchronously; in these API-only tests, run the DAO projection directly. */
const waitForProjection = async (api: TestApi) => {
  const { LogProcessor } = await import('../../worker/src/processing/log-processor');
  const { daoProjection } = await import('../../worker/src/projections/dao/dao.projection');
  const { PostgresEventStore } = await import('@ayllu/event-store');
  await new LogProcessor(api.db.pool, new PostgresEventStore(api.db.pool), [daoProjection]).catchUp();
};
