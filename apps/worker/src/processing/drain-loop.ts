/** Something that says "look again": EventNotifications (LISTEN/NOTIFY, with its own fallback timer). */
export interface WakeUps {
  subscribe(listener: () => void): () => void;
}

export interface DrainLoopOptions {
  /** One pass over the work, until nothing is left to do for now. */
  readonly drain: () => Promise<void>;
  /** A pass that threw; the next wake-up or poll runs it again. */
  readonly onError: (error: unknown) => void;
}

/**
 * The worker's one way of running work until idle. A pass never overlaps another: a wake-up during a pass
 * runs one more pass after it (however many wake-ups came), so work that arrived mid-pass is never missed
 * and a burst of notifications costs one pass. Wake-ups come from the log's notifications, from a poll
 * (due times pass without any event), or from whoever calls `wake`.
 */
export class DrainLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: DrainLoopOptions) {}

  /** Runs passes until idle; resolves when the pass covering this wake-up is done. Never rejects. */
  wake(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.options.drain();
        } catch (error) {
          this.options.onError(error);
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Wakes on every notification of `wakeUps` and every `pollMs`; either may be left out. */
  start(sources: { readonly wakeUps?: WakeUps; readonly pollMs?: number }): void {
    if (sources.wakeUps && !this.unsubscribe) this.unsubscribe = sources.wakeUps.subscribe(() => void this.wake());
    if (sources.pollMs !== undefined && !this.timer) {
      this.timer = setInterval(() => void this.wake(), sources.pollMs);
      // A poll alone must not keep the process alive.
      this.timer.unref();
    }
  }

  /** Stops listening and polling, then waits for the pass under way (and the one it owes) to finish. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
