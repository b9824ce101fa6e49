import { StreamLocks } from './stream-locks';

/** Resolves after the microtasks queued so far (and the ones they queue) have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamLocks', () => {
  it('runs commands that share a stream side by side, each still alone on its own stream', async () => {
    const locks = new StreamLocks();
    const order: string[] = [];
    const a = await locks.acquire(['dao-1', 'proposal-a'], ['dao-1']);
    const b = locks.acquire(['dao-1', 'proposal-b'], ['dao-1']).then((release) => (order.push('b'), release));
    const a2 = locks.acquire(['dao-1', 'proposal-a'], ['dao-1']).then((release) => (order.push('a2'), release));
    await settle();
    // b shares the DAO with a and names another proposal: it is in; a2 waits for a on proposal-a.
    expect(order).toEqual(['b']);
    a();
    await settle();
    expect(order).toEqual(['b', 'a2']);
    (await b)();
    (await a2)();
  });

  it('makes an exclusive holder wait for every shared one, and keeps later shared ones out until it is done', async () => {
    const locks = new StreamLocks();
    const order: string[] = [];
    const vote = await locks.acquire(['dao-1', 'proposal-a'], ['dao-1']);
    const suspension = locks.acquire(['dao-1']).then((release) => (order.push('suspension'), release));
    const laterVote = locks.acquire(['dao-1', 'proposal-b'], ['dao-1']).then((release) => (order.push('later vote'), release));
    await settle();
    expect(order).toEqual([]);
    vote();
    await settle();
    expect(order).toEqual(['suspension']);
    (await suspension)();
    await settle();
    expect(order).toEqual(['suspension', 'later vote']);
    (await laterVote)();
  });

  it('forgets a stream once nobody holds or waits for it, and a second release changes nothing', async () => {
    const locks = new StreamLocks();
    const release = await locks.acquire(['s-1']);
    release();
    release();
    const again = await Promise.race([locks.acquire(['s-1']), new Promise((resolve) => setTimeout(() => resolve('blocked'), 50))]);
    expect(typeof again).toBe('function');
    (again as () => void)();
    expect((locks as unknown as { gates: Map<string, unknown> }).gates.size).toBe(0);
  });
});
