import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { EventNotifications } from './event-notifications';
import { PostgresEventStore } from './postgres-event-store';

const append = (store: PostgresEventStore) =>
  store.append([{ streamId: `n-${randomUUID()}`, expectedVersion: 'no-stream', events: [{ type: 'Pinged', data: {} }] }], {
    actor: 'system:test',
    correlationId: randomUUID(),
    occurredAt: '2026-11-20T00:00:00.000Z',
  });

const nextWake = (notifications: EventNotifications, timeoutMs: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`not woken within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = notifications.subscribe(() => {
      clearTimeout(timer);
      off();
      resolve(Date.now() - started);
    });
  });

describe('EventNotifications', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('wakes subscribers on commit through LISTEN/NOTIFY, long before the polling interval', async () => {
    const notifications = new EventNotifications({ connection: { connectionString: db.url }, pollIntervalMs: 60_000 });
    await notifications.start();
    try {
      await new Promise((r) => setTimeout(r, 100)); // let the start-up wake-up pass
      const woken = nextWake(notifications, 5_000);
      await append(store);
      expect(await woken).toBeLessThan(5_000);
    } finally {
      await notifications.stop();
    }
  });

  it('still wakes subscribers by polling, and listens again, when its connection is killed', async () => {
    const errors: unknown[] = [];
    const notifications = new EventNotifications({
      connection: { connectionString: db.url, application_name: 'ayllu-listener-under-test' },
      pollIntervalMs: 200,
      onError: (e) => errors.push(e),
    });
    await notifications.start();
    try {
      await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ayllu-listener-under-test'`);
      expect(await nextWake(notifications, 2_000)).toBeLessThan(2_000);
      // Reconnected: a listening backend exists again.
      let listening = 0;
      for (let i = 0; i < 50 && listening === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const { rows } = await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ayllu-listener-under-test'`,
        );
        listening = rows[0].n;
      }
      expect(listening).toBe(1);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await notifications.stop();
    }
  });
});
