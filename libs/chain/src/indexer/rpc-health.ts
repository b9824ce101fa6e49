export type RpcHealthStatus = 'ok' | 'degraded' | 'down';

export type RpcHealth = {
  readonly status: RpcHealthStatus;
  readonly lastError?: string;
  readonly lastSuccessAt?: Date;
  readonly consecutiveFailures: number;
};

export type RetryPolicy = {
  /** Attempts per call, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * Runs RPC calls with exponential backoff and keeps a health state: `ok` after a clean call, `degraded` when a
 * call needed retries, `down` when one failed after every attempt (the caller keeps its checkpoint, so nothing
 * is skipped; the next poll starts again from there).
 */
export class RpcHealthTracker {
  private state: RpcHealth = { status: 'ok', consecutiveFailures: 0 };

  constructor(
    private readonly policy: RetryPolicy = defaultRetryPolicy,
    private readonly now: () => Date = () => new Date(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  get health(): RpcHealth {
    return this.state;
  }

  async call<T>(run: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.policy.attempts; attempt++) {
      if (attempt > 0) await this.sleep(Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1)));
      try {
        const result = await run();
        this.state = {
          status: attempt === 0 ? 'ok' : 'degraded',
          consecutiveFailures: 0,
          lastSuccessAt: this.now(),
          ...(attempt > 0 && { lastError: describe(lastError) }),
        };
        return result;
      } catch (error) {
        lastError = error;
      }
    }
    this.state = {
      status: 'down',
      lastError: describe(lastError),
      consecutiveFailures: this.state.consecutiveFailures + 1,
      ...(this.state.lastSuccessAt && { lastSuccessAt: this.state.lastSuccessAt }),
    };
    throw lastError;
  }
}

const describe = (error: unknown) =>
  error instanceof Error ? ((error as Error & { shortMessage?: string }).shortMessage ?? error.message) : String(error);
