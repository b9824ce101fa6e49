import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PostgresEventStore } from './postgres-event-store';
import { START, type AppendContext, type Checkpoint } from './types';

const context = (): AppendContext => ({ actor: 'system:test', correlationId: randomUUID(), occurredAt: '2026-11-20T12:00:00.000Z' });
const tick = (n: number) => ({ type: 'Ticked', data: { n } });

describe('PostgresEventStore.readStreamsAfter', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('reads only the named streams, in commit-safe order, page by page from a checkpoint', async () => {
    const [a, b, other] = [`a-${randomUUID()}`, `b-${randomUUID()}`, `o-${randomUUID()}`];
    await store.append([{ streamId: a, expectedVersion: 'no-stream', events: [tick(1), tick(2)] }], context());
    await store.append([{ streamId: other, expectedVersion: 'no-stream', events: [tick(99)] }], context());
    await store.append(
      [
        { streamId: b, expectedVersion: 'no-stream', events: [tick(3)] },
        { streamId: a, expectedVersion: 2, events: [tick(4)] },
      ],
      context(),
    );
    const all = await store.readStreamsAfter([a, b], START, 100);
    expect(all.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);

    const pages: number[][] = [];
    let after: Checkpoint = START;
    for (;;) {
      const page = await store.readStreamsAfter([a, b], after, 3);
      if (page.length === 0) break;
      pages.push(page.map((e) => (e.data as { n: number }).n));
      after = (await store.checkpointAt(page.at(-1)!.position))!;
    }
    expect(pages).toEqual([[1, 2, 3], [4]]);
    expect(await store.readStreamsAfter([], START, 10)).toEqual([]);
  });

  it('does not move past an event whose transaction is still open', async () => {
    const s = `late-${randomUUID()}`;
    const slow = await db.pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO events (stream_id, version, event_id, type, data, metadata) VALUES ($1, 1, $2, 'Late', '{}', '{}')`, [
        s,
        randomUUID(),
      ]);
      await store.append([{ streamId: `x-${randomUUID()}`, expectedVersion: 'no-stream', events: [tick(5)] }], context());
      expect(await store.readStreamsAfter([s], START, 10)).toEqual([]);
      await slow.query('COMMIT');
      expect((await store.readStreamsAfter([s], START, 10)).map((e) => e.type)).toEqual(['Late']);
    } finally {
      slow.release();
    }
  });
});
