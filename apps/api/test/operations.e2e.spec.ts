import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';

describe('Operations endpoints', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers liveness without touching anything', async () => {
    const res = await api.request('GET', '/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is ready when the database has every schema change, and names the missing one when not', async () => {
    expect((await api.request('GET', '/health/ready')).body).toEqual({ status: 'ready', database: 'ok' });
    const { rows } = await api.db.pool.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1');
    await api.db.pool.query('DELETE FROM schema_migrations WHERE name = $1', [rows[0].name]);
    try {
      const res = await api.request<Problem>('GET', '/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('HEALTH.NOT_READY');
      expect(res.body.detail).toContain(rows[0].name);
    } finally {
      await api.db.pool.query('INSERT INTO schema_migrations (timestamp, name) VALUES ($1, $2)', [
        Number(/\d+$/.exec(rows[0].name)![0]),
        rows[0].name,
      ]);
    }
  });

  it('serves Prometheus metrics: process figures, request durations by route template, and the platform gauges', async () => {
    const created = await api.request<{ id: string }>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Metrics', founders: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] },
    });
    expect(created.status).toBe(201);
    await api.request('GET', `/v1/daos/${created.body.id}`);
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^ayllu_process_resident_memory_bytes\{process="api"\} \d+/m);
    const reads = text
      .split('\n')
      .filter((l) => l.startsWith('ayllu_http_request_duration_seconds_count{'))
      .filter((l) => ['method="GET"', 'route="/v1/daos/:id"', 'status="2xx"', 'process="api"'].every((label) => l.includes(label)));
    expect(reads).toEqual([expect.stringMatching(/ [1-9]\d*$/)]);
    expect(text).not.toContain(created.body.id);
    expect(text).toMatch(/^ayllu_notifications\{status="pending",process="api"\} 0$/m);
    expect(text).toMatch(/^ayllu_execution_items\{kind="dao",state="(due|waiting|idle|failing)",process="api"\} \d+$/m);
    expect(text).toContain('# TYPE ayllu_processor_lag_events gauge');
    expect(text).toContain('# TYPE ayllu_quarantined_streams gauge');
  });
});
