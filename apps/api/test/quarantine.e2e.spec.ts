import { loadConfig } from '@ayllu/platform';
import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadNotificationConfig } from '@ayllu/notifications';
import { startTestApi, type TestApi } from '../../../test/support/api';
import { COUNTING_TABLE_SQL } from '../../../test/fixtures/counting-projection';
import { NotificationDispatcher } from '../../worker/src/notifications/delivery/dispatcher';
import { outboxProjection } from '../../worker/src/notifications/outbox/outbox.projection';
import { Receiver } from '../../worker/src/notifications/testing/receiver';
import { LogProcessor } from '../../worker/src/processing/log-processor';
import { processor } from '../../worker/src/processing/processor';

const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

interface Health {
  readonly status: 'ok' | 'degraded';
  readonly quarantined?: readonly { readonly processor: string; readonly stream: string; readonly reason: string }[];
}

/**
 * Runs a processor until a condition holds. One pass may read nothing new: the log is read only below the
 * oldest transaction open anywhere on the server, and other test files hold transactions open meanwhile.
 */
const settle = async (worker: LogProcessor, what: string, done: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await worker.catchUp();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`The processor never reached: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('A stream a processor cannot handle, over HTTP', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  let receiver: Receiver;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
    receiver = await new Receiver().start();
    await api.db.pool.query(COUNTING_TABLE_SQL);
  });
  afterAll(async () => {
    await receiver.stop();
    await api.close();
  });

  it('is quarantined with its reason, shown in /health, told to admins, and replayed on resume while other DAOs carry on', async () => {
    const createDao = async (name: string) =>
      (await api.request<{ id: string }>('POST', '/v1/daos', { admin: true, body: { name, founders: [BOB] } })).body.id;
    const good = await createDao('Steady');
    const bad = await createDao('Broken');
    const badStream = streams.dao.of(bad).streamId;
    const hook = await api.request('POST', `/v1/daos/${bad}/webhooks`, {
      admin: true,
      body: { url: receiver.url, events: ['processing.stream_quarantined'], format: 'standard' },
    });
    expect(hook.status).toBe(201);
    const suspend = (daoId: string, reason: string) =>
      store.append(
        [
          {
            streamId: streams.dao.of(daoId).streamId,
            expectedVersion: 'any',
            events: [
              { type: 'MemberSuspended', data: { member: BOB, reason, suspendedBy: 'admin:t', suspendedAt: new Date().toISOString() } },
            ],
          },
        ],
        { actor: 'admin:test', correlationId: randomUUID(), occurredAt: new Date().toISOString() },
      );
    await suspend(good, 'one');
    await suspend(bad, 'one');

    // A projection with a bug that only the Broken DAO's events trigger.
    let faulty = true;
    const fragile = processor({
      name: 'fragile',
      canHandle: streams.dao.eventTypes,
      async handle(tx, events) {
        for (const event of events) {
          if (faulty && event.streamId === badStream) throw new TypeError('Cannot read properties of undefined (reading "weight")');
          await tx.query('INSERT INTO test_applied (event_id, position) VALUES ($1, $2)', [
            event.metadata.eventId,
            event.position.toString(),
          ]);
        }
      },
    });
    const worker = new LogProcessor(api.db.pool, store, [fragile]);
    const applied = async (daoId: string) =>
      (
        await api.db.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM test_applied a JOIN events e ON e.event_id = a.event_id WHERE e.stream_id = $1',
          [streams.dao.of(daoId).streamId],
        )
      ).rows[0].n;

    const quarantinedReason = async (name: string, stream: string) =>
      (
        await api.db.pool.query<{ reason: string }>(
          'SELECT reason FROM processor_quarantines WHERE processor = $1 AND stream_id = $2 AND resume_requested_at IS NULL',
          [name, stream],
        )
      ).rows[0]?.reason;

    // Held back once, failed again: quarantined.
    await settle(worker, 'the broken stream quarantined', async () => (await quarantinedReason('fragile', badStream)) !== undefined);
    await suspend(good, 'two');
    await suspend(bad, 'two'); // skipped while quarantined, kept in the log
    await settle(worker, 'every event of the steady DAO applied', async () => (await applied(good)) === 3);
    expect(await applied(good)).toBe(3);
    expect(await applied(bad)).toBe(0);

    const health = await api.request<Health>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      database: 'ok',
      quarantined: [
        {
          processor: 'fragile',
          stream: badStream,
          daoId: bad,
          eventType: 'DaoCreated',
          reason: 'TypeError: Cannot read properties of undefined (reading "weight")',
          since: expect.any(String),
          resumeRequestedAt: null,
        },
      ],
    });

    // Admins hear of it through the DAO's webhooks.
    const now = new Date();
    await new LogProcessor(api.db.pool, store, [outboxProjection(() => now)]).catchUp();
    await new NotificationDispatcher(api.db.pool, store, {
      config: loadNotificationConfig(process.env, 'test'),
      publicUrl: loadConfig({ NODE_ENV: 'test' }).publicUrl,
      now: () => now,
    }).drain();
    expect(receiver.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      expect.objectContaining({
        type: 'processing.stream_quarantined',
        daoId: bad,
        data: expect.objectContaining({ processor: 'fragile', streamId: badStream, eventType: 'DaoCreated' }),
      }),
    ]);

    expect((await api.request('POST', `/v1/admin/quarantines/fragile/${badStream}/resume`)).status).toBe(401);
    const unknown = await api.request('POST', `/v1/admin/quarantines/fragile/${streams.dao.of(good).streamId}/resume`, { admin: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PROCESSING.NOT_QUARANTINED' });

    faulty = false; // the fix is deployed
    const resumed = await api.request('POST', `/v1/admin/quarantines/fragile/${badStream}/resume`, { admin: true });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ processor: 'fragile', stream: badStream, resumeRequestedAt: expect.any(String) });
    await settle(worker, 'the skipped events replayed', async () => (await applied(bad)) === 3);
    expect(await applied(bad)).toBe(3);
    expect(await applied(good)).toBe(3);
    const ordered = await api.db.pool.query<{ version: number }>(
      'SELECT e.version FROM test_applied a JOIN events e ON e.event_id = a.event_id WHERE e.stream_id = $1 ORDER BY a.ctid',
      [badStream],
    );
    expect(ordered.rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect((await api.request('GET', '/health')).body).toEqual({ status: 'ok', database: 'ok' });

    await suspend(bad, 'three');
    await settle(worker, 'a new event of the resumed stream applied', async () => (await applied(bad)) === 4);
    expect(await applied(bad)).toBe(4);
  });

  it('keeps a stream quarantined, with the new reason, when the replay fails again', async () => {
    const daoId = (await api.request<{ id: string }>('POST', '/v1/daos', { admin: true, body: { name: 'Stubborn', founders: [BOB] } })).body
      .id;
    const stream = streams.dao.of(daoId).streamId;
    let message = 'first bug';
    const stubborn = processor({
      name: 'stubborn',
      canHandle: streams.dao.eventTypes,
      handle: (_tx, events) => (events.some((e) => e.streamId === stream) ? Promise.reject(new Error(message)) : Promise.resolve()),
    });
    const worker = new LogProcessor(api.db.pool, store, [stubborn]);
    const quarantine = async () =>
      (
        await api.db.pool.query<{ reason: string; resume_requested_at: Date | null }>(
          'SELECT reason, resume_requested_at FROM processor_quarantines WHERE processor = $1 AND stream_id = $2',
          ['stubborn', stream],
        )
      ).rows[0];
    await settle(worker, 'the stream quarantined', async () => (await quarantine()) !== undefined);
    message = 'second bug';
    expect((await api.request('POST', `/v1/admin/quarantines/stubborn/${stream}/resume`, { admin: true })).status).toBe(202);
    await settle(worker, 'the replay tried and failed', async () => (await quarantine())?.resume_requested_at === null);
    const health = await api.request<Health>('GET', '/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.quarantined).toContainEqual(
      expect.objectContaining({ processor: 'stubborn', stream, reason: 'Error: second bug', resumeRequestedAt: null }),
    );
  });

  it('documents the resume route as an admin operation', async () => {
    interface Operation {
      readonly security: unknown;
      readonly responses: Record<string, unknown>;
    }
    const doc = (await api.request<{ paths: Record<string, { post: Operation }> }>('GET', '/docs-json')).body;
    const route = doc.paths['/v1/admin/quarantines/{processor}/{streamId}/resume'].post;
    expect(route.security).toEqual([{ admin: [] }]);
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['202', '401', '404']));
  });
});
