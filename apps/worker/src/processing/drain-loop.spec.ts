import { DrainLoop } from './drain-loop';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DrainLoop', () => {
  it('runs one more pass for any number of wake-ups during a pass, never two passes at once', async () => {
    let passes = 0;
    let running = 0;
    let release: () => void = () => undefined;
    const loop = new DrainLoop({
      drain: async () => {
        running++;
        expect(running).toBe(1);
        passes++;
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        running--;
      },
      onError: (error) => {
        throw error;
      },
    });
    const first = loop.wake();
    await tick();
    const woken = [loop.wake(), loop.wake(), loop.wake()];
    release();
    await Promise.all([first, ...woken]);
    expect(passes).toBe(2);
    await loop.wake();
    expect(passes).toBe(3);
  });

  it('reports a failed pass and runs again on the next wake-up', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new DrainLoop({
      drain: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    await expect(loop.wake()).resolves.toBeUndefined();
    await loop.wake();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('database gone')]);
  });

  it('wakes on notifications and on its poll until stopped, and stop waits for the pass under way', async () => {
    const listeners = new Set<() => void>();
    const wakeUps = {
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    let passes = 0;
    let finished = 0;
    const loop = new DrainLoop({
      drain: async () => {
        passes++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished++;
      },
      onError: () => undefined,
    });
    loop.start({ wakeUps, pollMs: 5 });
    for (const listener of listeners) listener();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(passes).toBeGreaterThan(1);
    await loop.stop();
    expect(listeners.size).toBe(0);
    expect(finished).toBe(passes);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(finished);
  });
});
