import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { APPEND_BATCH_SQL } from './append-sql';
import { ConcurrencyError, IdempotencyKeyReusedError } from './errors';
import { COMMIT_GROUPS, PostgresEventStore } from './postgres-event-store';
import type { AppendContext, AppendResult, StreamWrite } from './types';

const context = (overrides: Partial<AppendContext> = {}): AppendContext => ({
  actor: 'system:test',
  correlationId: randomUUID(),
  occurredAt: '2026-12-02T12:00:00.000Z',
  ...overrides,
});
const event = (n: number) => ({ type: 'Counted', data: { n, amount: 10n ** 30n + BigInt(n) } });
const stream = () => `group-${randomUUID()}`;
const fresh = (id: string, ...ns: number[]): StreamWrite => ({ streamId: id, expectedVersion: 'no-stream', events: ns.map(event) });
/** Enough appends at once that some wait behind the batches already committing, and go together. */
const BURST = COMMIT_GROUPS.maxInFlight + 12;

const outcome = (p: Promise<AppendResult>) =>
  p.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('Group commit of concurrent appends', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  const transactionsOf = async (ids: readonly string[]) =>
    (await db.pool.query<{ n: number }>(`SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1)`, [ids]))
      .rows[0].n;

  it('commits appends that arrive together in shared transactions, each with its own events, versions and metadata', async () => {
    const ids = Array.from({ length: BURST }, stream);
    const results = await Promise.all(ids.map((id, i) => store.append([fresh(id, i, i + 100)], context({ actor: `system:${i}` }))));
    for (const [i, result] of results.entries()) {
      expect(result.appended).toBe(true);
      expect(result.events.map((e) => [e.streamId, e.version, e.data])).toEqual([
        [ids[i], 1, event(i).data],
        [ids[i], 2, event(i + 100).data],
      ]);
      expect(result.events[0].metadata.actor).toBe(`system:${i}`);
    }
    for (const [i, id] of ids.entries())
      expect((await store.readStream(id)).map((e) => e.data)).toEqual([event(i).data, event(i + 100).data]);
    // Fewer commits than appends: the ones that waited went together.
    expect(await transactionsOf(ids)).toBeLessThan(BURST);
    expect(await transactionsOf(ids)).toBeGreaterThanOrEqual(2);
  });

  it('refuses only the append whose stream moved; the others of its group commit', async () => {
    const taken = stream();
    await store.append([fresh(taken, 1)], context());
    const ids = Array.from({ length: BURST }, stream);
    const all = await Promise.all([
      ...ids.map((id, i) => outcome(store.append([fresh(id, i)], context()))),
      outcome(store.append([{ streamId: taken, expectedVersion: 'no-stream', events: [event(2)] }], context())),
    ]);
    const refused = all.at(-1)!;
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toBeInstanceOf(ConcurrencyError);
    expect(all.slice(0, -1).every((o) => o.ok && o.result.appended)).toBe(true);
    expect((await store.readStream(taken)).map((e) => e.data)).toEqual([event(1).data]);
  });

  it('appends once for one idempotency key sent twice at once; the copy gets the first answer', async () => {
    const key = `group:${randomUUID()}`;
    const id = stream();
    const others = Array.from({ length: BURST }, stream);
    const idem = { key, fingerprint: 'f', response: { id } };
    const [first, second] = await Promise.all([
      store.append([fresh(id, 1)], context({ idempotency: idem })),
      store.append([fresh(stream(), 2)], context({ idempotency: idem })),
      ...others.map((o) => store.append([fresh(o, 3)], context())),
    ]);
    expect([first.appended, second.appended].sort()).toEqual([false, true]);
    expect(second.response).toEqual({ id });
    expect(await store.readStream(id)).toHaveLength(first.appended ? 1 : 0);
    const copy = await outcome(store.append([fresh(stream(), 4)], context({ idempotency: { ...idem, fingerprint: 'other' } })));
    expect(!copy.ok && copy.error).toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('decides two appends to one stream in one burst one after the other', async () => {
    const id = stream();
    const fillers = Array.from({ length: BURST }, stream).map((o) => store.append([fresh(o, 0)], context()));
    const [a, b] = await Promise.all([
      outcome(store.append([fresh(id, 1)], context())),
      outcome(store.append([fresh(id, 2)], context())),
      outcome(store.append([{ streamId: id, expectedVersion: 'any', events: [event(3)] }], context())),
      ...fillers,
    ]);
    expect(a.ok).toBe(true);
    expect(!b.ok && b.error).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(id)).map((e) => e.data)).toEqual([event(1).data, event(3).data]);
  });

  it('answers every append of a group on its own when the group statement fails as a whole', async () => {
    // The fault: the database refuses the group statement once (as when a writer outside the batch wins a race).
    let refusedOnce = false;
    const pool = new Proxy(db.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return (text: unknown, values?: unknown) => {
          if (text === APPEND_BATCH_SQL && !refusedOnce) {
            refusedOnce = true;
            return Promise.reject(new Error('simulated: the group statement failed'));
          }
          return target.query(text as string, values as unknown[]);
        };
      },
    });
    const faulty = new PostgresEventStore(pool);
    const taken = stream();
    await faulty.append([fresh(taken, 1)], context());
    const ids = Array.from({ length: BURST }, stream);
    const all = await Promise.all([
      ...ids.map((id, i) => outcome(faulty.append([fresh(id, i)], context()))),
      outcome(faulty.append([fresh(taken, 2)], context())),
    ]);
    expect(refusedOnce).toBe(true);
    expect(all.slice(0, -1).every((o) => o.ok && o.result.appended)).toBe(true);
    expect(!all.at(-1)!.ok && (all.at(-1) as { error: unknown }).error).toBeInstanceOf(ConcurrencyError);
    for (const [i, id] of ids.entries()) expect((await faulty.readStream(id)).map((e) => e.data)).toEqual([event(i).data]);
  });
});
