import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PostgresEventStore } from './postgres-event-store';
import { START, type AppendContext } from './types';

const context = (overrides: Partial<AppendContext> = {}): AppendContext => ({
  actor: 'system:test',
  correlationId: randomUUID(),
  occurredAt: '2026-11-20T12:00:00.000Z',
  ...overrides,
});
const stream = () => `test-${randomUUID()}`;

/** Data a client could have put in an event: objects and strings shaped like the store's own bigint tag. */
const clientShaped = {
  amount: 10n ** 30n,
  extra: { $bigint: '12' },
  broken: { $bigint: 'x' },
  escaped: { $$bigint: '1', $: ['$bigint', { $bigint: '-3' }] },
  nested: [{ $bigint: { $bigint: '1' } }, -7n],
};

describe('Stored JSON', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('reads back event data exactly as appended, client objects shaped like a bigint included', async () => {
    const id = stream();
    const appended = await store.append(
      [{ streamId: id, expectedVersion: 'no-stream', events: [{ type: 'Noted', data: clientShaped }] }],
      context(),
    );
    expect(appended.events[0].data).toStrictEqual(clientShaped);
    expect((await store.readStream(id))[0].data).toStrictEqual(clientShaped);
    const fromLog = (await store.readAll(START, 1000)).find((e) => e.streamId === id);
    expect(fromLog!.data).toStrictEqual(clientShaped);
    const { rows } = await db.pool.query<{ extra: unknown; amount: unknown }>(
      `SELECT data->'extra' AS extra, data->'amount' AS amount FROM events WHERE stream_id = $1`,
      [id],
    );
    // Bigints keep the form every stored event has; the client's look-alike cannot take it.
    expect(rows[0]).toEqual({ extra: { $$bigint: '12' }, amount: { $bigint: '1000000000000000000000000000000' } });
  });

  it('reads back a stored idempotent response as it was given', async () => {
    const key = `key-${randomUUID()}`;
    const response = { echoed: { $bigint: '5' }, total: 5n };
    await store.append(
      [{ streamId: stream(), expectedVersion: 'no-stream', events: [{ type: 'Noted', data: {} }] }],
      context({
        idempotency: { key, fingerprint: 'f', response },
      }),
    );
    expect(await store.findIdempotentResponse(key, 'f')).toStrictEqual({ response });
  });

  it('reads rows written before keys were escaped: well-formed tags as bigints, malformed ones as the objects they are', async () => {
    const id = stream();
    await db.pool.query(
      `INSERT INTO events (stream_id, version, event_id, type, data, metadata) VALUES
         ($1, 1, $2, 'Legacy', '{"amount":{"$bigint":"12"},"extra":{"$bigint":"x"}}', '{}'),
         ($1, 2, $3, 'Legacy', '{"$bigint":"x"}', '{}'),
         ($1, 3, $4, 'Legacy', '{"$bigint":"1","$other":true}', '{}')`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    const events = await store.readStream(id);
    expect(events.map((e) => e.data)).toStrictEqual([
      { amount: 12n, extra: { $bigint: 'x' } },
      { $bigint: 'x' },
      { $bigint: '1', $other: true },
    ]);
    await expect(store.readAll(START, 1000)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ streamId: id, version: 2 })]),
    );
  });
});
