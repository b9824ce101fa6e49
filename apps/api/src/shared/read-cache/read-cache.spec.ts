import { ReadCache } from './read-cache';

const settled = (options: ConstructorParameters<typeof ReadCache>[0]) => {
  const cache = new ReadCache(options);
  cache.settle('head-1', true, cache.currentGeneration);
  return cache;
};
const body = (bytes: number) => Buffer.alloc(bytes, 'x');

describe('ReadCache budgets', () => {
  it('keeps the total of its bodies within maxTotalBytes, dropping the oldest answers first', () => {
    const cache = settled({ maxTotalBytes: 1_000, maxEntries: 100 });
    for (let i = 0; i < 25; i++) expect(cache.store(`/r/${i}`, cache.ticket('log'), body(100), {})).toBe(true);
    expect(cache.bytes).toBe(1_000);
    expect(cache.size).toBe(10);
    expect(cache.lookup('/r/14')).toBeUndefined();
    expect(cache.lookup('/r/15')?.body.length).toBe(100);
    expect(cache.lookup('/r/24')).toBeDefined();
  });

  it('counts a replaced answer once, refuses a body over maxBodyBytes, and forgets everything on a change', () => {
    const cache = settled({ maxTotalBytes: 1_000, maxBodyBytes: 500 });
    cache.store('/a', cache.ticket('log'), body(300), {});
    cache.store('/a', cache.ticket('log'), body(200), {});
    expect(cache.bytes).toBe(200);
    expect(cache.store('/big', cache.ticket('log'), body(501), {})).toBe(false);
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('keeps at most maxEntries answers', () => {
    const cache = settled({ maxEntries: 3 });
    for (let i = 0; i < 5; i++) cache.store(`/r/${i}`, cache.ticket('log'), body(10), {});
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(30);
    expect(cache.lookup('/r/1')).toBeUndefined();
  });
});
