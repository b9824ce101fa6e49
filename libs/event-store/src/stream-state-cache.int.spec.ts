import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { PostgresEventStore } from './postgres-event-store';

type Added = { type: 'Added'; data: { n: number } };
const counter = { evolve: (sum: number, e: Added) => sum + e.data.n, initialState: () => 0 };
const context = () => ({ actor: 'system:test', correlationId: randomUUID(), occurredAt: '2026-11-20T00:00:00.000Z' });

describe('folded stream states', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('reads only the events after the cached version, and sees what other processes appended', async () => {
    const streamId = `sum-${randomUUID()}`;
    const mine = new PostgresEventStore(db.pool);
    const theirs = new PostgresEventStore(db.pool); // another API replica: its own cache
    await mine.append([{ streamId, expectedVersion: 'no-stream', events: [{ type: 'Added', data: { n: 1 } }] }], context());
    expect(await mine.load({ streamId, ...counter })).toEqual({ state: 1, version: 1 });

    await theirs.append(
      [
        {
          streamId,
          expectedVersion: 1,
          events: [
            { type: 'Added', data: { n: 10 } },
            { type: 'Added', data: { n: 100 } },
          ],
        },
      ],
      context(),
    );
    const read = jest.spyOn(mine, 'readStream');
    expect(await mine.load({ streamId, ...counter })).toEqual({ state: 111, version: 3 });
    expect(read).toHaveBeenCalledWith(streamId, 1);
    expect(await await read.mock.results[0].value).toHaveLength(2);
  });

  it('decides against the latest state when a cached state is stale, and retries a conflict', async () => {
    const streamId = `sum-${randomUUID()}`;
    const stores = [new PostgresEventStore(db.pool), new PostgresEventStore(db.pool)];
    // Each command appends the running total + 1, so a decision on a stale state shows in the sums.
    const step = (store: PostgresEventStore) =>
      store.handle({ sum: { streamId, ...counter } }, ({ sum }) => ({ sum: [{ type: 'Added', data: { n: sum + 1 } } as Added] }), {
        context: context(),
        maxAttempts: 50,
      });
    for (let i = 0; i < 4; i++) await Promise.all([step(stores[0]), step(stores[1])]);
    // Every decision saw every earlier event: each appended value is the total before it + 1.
    const events = await stores[0].readStream(streamId);
    let total = 0;
    for (const event of events) {
      expect((event.data as { n: number }).n).toBe(total + 1);
      total += (event.data as { n: number }).n;
    }
    expect(events).toHaveLength(8);
  });
});
