import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { APP_CONFIG } from '../shared/tokens';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

interface Window {
  readonly startedAt: number;
  failures: number;
}

/**
 * Failed admin authentications per client IP, in fixed one-minute windows. An IP over the limit is answered
 * 429 on every admin route until its window ends, whatever it presents, so guessing gains nothing from a
 * correct guess either. Only failures count: an admin working normally is never slowed. (The global
 * `@fastify/rate-limit` counts every request of the unauthenticated routes; this counts what it cannot
 * see, the outcome of the check.) Held in memory per API process: each replica limits on its own.
 */
@Injectable()
export class FailedAdminAttempts {
  private readonly windows = new Map<string, Window>();
  private readonly max: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.max = config.adminAuthMaxFailures;
  }

  /** Milliseconds until `ip` may try again, or 0 when it may now. */
  blockedFor(ip: string, now = Date.now()): number {
    const window = this.current(ip, now);
    return window && window.failures >= this.max ? window.startedAt + WINDOW_MS - now : 0;
  }

  recordFailure(ip: string, now = Date.now()): void {
    const window = this.current(ip, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_TRACKED) this.dropExpired(now);
    // Still full of live windows: forget the oldest rather than grow without bound.
    if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(ip, { startedAt: now, failures: 1 });
  }

  private current(ip: string, now: number): Window | undefined {
    const window = this.windows.get(ip);
    if (window && window.startedAt + WINDOW_MS <= now) {
      this.windows.delete(ip);
      return undefined;
    }
    return window;
  }

  private dropExpired(now: number): void {
    for (const [ip, window] of this.windows) if (window.startedAt + WINDOW_MS <= now) this.windows.delete(ip);
  }
}
