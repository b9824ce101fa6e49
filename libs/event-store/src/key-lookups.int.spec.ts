import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { IdempotencyKeyReusedError } from './errors';
import { PostgresEventStore } from './postgres-event-store';

describe('Idempotency key look-ups', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('answers look-ups asked together from shared queries, each with its own key, and sees a claim made just before', async () => {
    let lookups = 0;
    const pool = new Proxy(db.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return (text: string, values?: unknown[]) => {
          if (text.includes('FROM idempotency_keys WHERE key = ANY')) lookups++;
          return target.query(text, values);
        };
      },
    });
    const store = new PostgresEventStore(pool);
    const claimed = Array.from({ length: 10 }, () => `k:${randomUUID()}`);
    for (const [i, key] of claimed.entries()) expect(await store.claimIdempotencyKey(key, `f${i}`, { n: i })).toBe(true);
    lookups = 0;
    const unknown = Array.from({ length: 10 }, () => `k:${randomUUID()}`);
    const found = await Promise.all([
      ...claimed.map((k, i) => store.findIdempotentResponse(k, `f${i}`)),
      ...unknown.map((k) => store.findIdempotentResponse(k, 'f')),
    ]);
    expect(found).toEqual([...claimed.map((_, i) => ({ response: { n: i } })), ...unknown.map(() => undefined)]);
    expect(lookups).toBeLessThan(20);
    await expect(store.findIdempotentResponse(claimed[0], 'another request')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });
});
