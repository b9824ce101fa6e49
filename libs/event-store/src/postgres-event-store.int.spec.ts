import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { ConcurrencyError, IdempotencyKeyReusedError } from './errors';
import { PostgresEventStore } from './postgres-event-store';
import { START, type AppendContext, type Checkpoint, type RecordedEvent } from './types';

const context = (overrides: Partial<AppendContext> = {}): AppendContext => ({
  actor: 'system:test',
  correlationId: randomUUID(),
  occurredAt: '2026-11-20T12:00:00.000Z',
  ...overrides,
});
const event = (n: number) => ({ type: 'Counted', data: { n, amount: 10n ** 30n + BigInt(n) } });
const stream = () => `test-${randomUUID()}`;

const readEverything = async (store: PostgresEventStore, from: Checkpoint = START): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, 100);
    if (batch.length === 0) return all;
    all.push(...batch);
    const last = batch[batch.length - 1];
    checkpoint = { transactionId: last.transactionId, position: last.position };
  }
};

/**
 * Reads from `from` until `done` holds of what was read. The log is read only below the oldest transaction open
 * anywhere on the PostgreSQL server, and other test files (other databases of the same server) hold transactions
 * open: one read may stop short of events that committed.
 */
const readUntil = async (
  store: PostgresEventStore,
  from: Checkpoint,
  done: (events: readonly RecordedEvent[]) => boolean | Promise<boolean>,
): Promise<RecordedEvent[]> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const events = await readEverything(store, from);
    if ((await done(events)) || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  describe('append and read a stream', () => {
    it('stores events with versions, metadata and bigint payloads intact', async () => {
      const id = stream();
      const ctx = context({ actor: '0x00000000000000000000000000000000000000A1', causationId: 'cmd-1' });
      await store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(1), event(2)] }], ctx);
      const events = await store.readStream(id);
      expect(events.map((e) => e.version)).toEqual([1, 2]);
      expect(events[1].data).toEqual({ n: 2, amount: 10n ** 30n + 2n });
      expect(events[0].metadata).toMatchObject({
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        causationId: 'cmd-1',
        idempotencyKey: null,
        occurredAt: ctx.occurredAt,
      });
      expect(events[0].metadata.eventId).not.toEqual(events[1].metadata.eventId);
      expect(events[1].position).toBeGreaterThan(events[0].position);
    });

    it('reads a stream from a version', async () => {
      const id = stream();
      await store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(1), event(2), event(3)] }], context());
      expect((await store.readStream(id, 2)).map((e) => e.data)).toEqual([event(3).data]);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses an append at a stale version with a typed error and appends nothing', async () => {
      const id = stream();
      await store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(1)] }], context());
      const stale = store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(2)] }], context());
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(stale).rejects.toMatchObject({ streamId: id, expectedVersion: 'no-stream', actualVersion: 1 });
      const ahead = store.append([{ streamId: id, expectedVersion: 5, events: [event(2)] }], context());
      await expect(ahead).rejects.toMatchObject({ actualVersion: 1 });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('lets exactly one of many racing writers win', async () => {
      const id = stream();
      await store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(0)] }], context());
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.append([{ streamId: id, expectedVersion: 1, events: [event(i)] }], context())),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.every((r) => r.reason instanceof ConcurrencyError)).toBe(true);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('appends to several streams all or nothing', async () => {
      const [a, b] = [stream(), stream()];
      await store.append([{ streamId: b, expectedVersion: 'no-stream', events: [event(1)] }], context());
      const attempt = store.append(
        [
          { streamId: a, expectedVersion: 'no-stream', events: [event(1)] },
          { streamId: b, expectedVersion: 'no-stream', events: [event(2)] },
        ],
        context(),
      );
      await expect(attempt).rejects.toMatchObject({ streamId: b });
      expect(await store.readStream(a)).toHaveLength(0);
      const done = await store.append(
        [
          { streamId: a, expectedVersion: 'no-stream', events: [event(1)] },
          { streamId: b, expectedVersion: 1, events: [event(2)] },
        ],
        context(),
      );
      expect(done.events.map((e) => [e.streamId, e.version])).toEqual([
        [a, 1],
        [b, 2],
      ]);
    });
  });

  describe('idempotency', () => {
    const idempotency = (key: string, fingerprint = 'body-1') => ({ key, fingerprint, response: { id: key, total: 7n } });

    it('answers a retried request with the first response and appends nothing', async () => {
      const id = stream();
      const key = `k-${randomUUID()}`;
      const first = await store.append(
        [{ streamId: id, expectedVersion: 'no-stream', events: [event(1)] }],
        context({ idempotency: idempotency(key) }),
      );
      expect(first.appended).toBe(true);
      expect((await store.readStream(id))[0].metadata.idempotencyKey).toBe(key);
      const retry = await store.append(
        [{ streamId: id, expectedVersion: 'no-stream', events: [event(1)] }],
        context({ idempotency: { ...idempotency(key), response: { id: 'other' } } }),
      );
      expect(retry).toEqual({ appended: false, events: [], response: { id: key, total: 7n } });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('refuses a reused key for a different request', async () => {
      const key = `k-${randomUUID()}`;
      await store.append(
        [{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1)] }],
        context({ idempotency: idempotency(key) }),
      );
      await expect(
        store.append(
          [{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1)] }],
          context({ idempotency: idempotency(key, 'body-2') }),
        ),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('appends once when the same request arrives many times at once', async () => {
      const key = `k-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.append(
            [{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1)] }],
            context({ idempotency: idempotency(key) }),
          ),
        ),
      );
      expect(results.filter((r) => r.appended)).toHaveLength(1);
      const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE metadata->>'idempotencyKey' = $1`, [
        key,
      ]);
      expect(rows[0].n).toBe(1);
    });

    it('keeps the key unclaimed when the append is refused, so a corrected retry can succeed', async () => {
      const id = stream();
      const key = `k-${randomUUID()}`;
      await store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(1)] }], context());
      await expect(
        store.append([{ streamId: id, expectedVersion: 'no-stream', events: [event(2)] }], context({ idempotency: idempotency(key) })),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      const retry = await store.append(
        [{ streamId: id, expectedVersion: 1, events: [event(2)] }],
        context({ idempotency: idempotency(key) }),
      );
      expect(retry.appended).toBe(true);
    });
  });

  describe('reading all events', () => {
    /** Everything committed so far, read up to the log's last event. */
    const readToHead = async () => {
      const { rows } = await db.pool.query<{ p: string | null }>('SELECT max(global_position)::text AS p FROM events');
      const head = BigInt(rows[0].p ?? 0);
      return readUntil(store, START, (events) => (events.at(-1)?.position ?? 0n) === head);
    };

    it('never skips an event whose transaction took an earlier position but committed later', async () => {
      const before = await readToHead();
      const checkpoint: Checkpoint = before.length
        ? { transactionId: before.at(-1)!.transactionId, position: before.at(-1)!.position }
        : START;
      const slow = await db.pool.connect();
      try {
        await slow.query('BEGIN');
        const { rows } = await slow.query<{ global_position: string }>(
          `INSERT INTO events (stream_id, version, event_id, type, data, metadata)
           VALUES ($1, 1, $2, 'Late', '{}', '{}') RETURNING global_position`,
          [stream(), randomUUID()],
        );
        const latePosition = BigInt(rows[0].global_position);
        const fast = await store.append([{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1)] }], context());
        expect(fast.events[0].position).toBeGreaterThan(latePosition);

        // The later position is committed, the earlier is not: a reader must not move past either yet.
        expect(await readEverything(store, checkpoint)).toEqual([]);
        await slow.query('COMMIT');
        const after = await readUntil(store, checkpoint, (events) => events.length >= 2);
        expect(after.map((e) => e.type)).toEqual(['Late', 'Counted']);
        expect(after[0].position).toBe(latePosition);
      } finally {
        slow.release();
      }
    });

    it('resumes from a checkpoint without repeating or losing events', async () => {
      const first = await readToHead();
      const last = first.at(-1)!;
      await store.append([{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1), event(2)] }], context());
      const next = await readUntil(store, { transactionId: last.transactionId, position: last.position }, (events) => events.length >= 2);
      expect(next.map((e) => e.data)).toEqual([event(1).data, event(2).data]);
      const ids = new Set([...first, ...next].map((e) => e.metadata.eventId));
      expect(ids.size).toBe(first.length + next.length);
    });

    it('maps a public position to its checkpoint', async () => {
      const { events } = await store.append([{ streamId: stream(), expectedVersion: 'no-stream', events: [event(1)] }], context());
      // Visible once no transaction older than it is open on the server (see readUntil).
      await readUntil(store, START, async () => (await store.checkpointAt(events[0].position)) !== null);
      expect(await store.checkpointAt(events[0].position)).toEqual({
        transactionId: events[0].transactionId,
        position: events[0].position,
      });
      expect(await store.checkpointAt(events[0].position + 1000n)).toBeNull();
    });
  });
});
