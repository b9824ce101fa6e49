import { randomUUID } from 'node:crypto';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { NotificationConfig } from '@ayllu/notifications';
import { guardedLookup, type ResolveAll } from '@ayllu/notifications';
import { DrainLoop } from '../../processing/drain-loop';
import { buildRequest } from './build-request';
import { claimDue, type ClaimedNotification } from './claim-due';
import { disableEndpoint } from './disable-endpoint';
import { sendHttp, type HttpOutcome } from './http-sender';
import { judge, recordDelivered, recordOutcome, type SentAttempt, type RecordResult } from './record-outcome';
import { ATTEMPT_TIMEOUT_MS } from './retry-schedule';

export interface DispatcherOptions {
  readonly config: NotificationConfig;
  /** PUBLIC_URL (AppConfig.publicUrl): every notification links to the app page under it. */
  readonly publicUrl: string;
  /** The clock every schedule decision reads; tests move it. */
  readonly now?: () => Date;
  readonly timeoutMs?: number;
  /** How long a claim keeps other workers off; longer than the timeout, so a live attempt never loses it. */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Claim-and-send loops one `drain` runs at once. */
  readonly lanes?: number;
  readonly resolve?: ResolveAll;
  readonly onError?: (error: unknown) => void;
  readonly onAttempt?: (claimed: ClaimedNotification, outcome: HttpOutcome, result: RecordResult) => void;
}

/**
 * Delivers due notifications: claim a batch, send each (in parallel), record each. Several dispatchers
 * (threads of one worker or several workers) share the queue safely through claims and leases.
 */
export class NotificationDispatcher {
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly lanes: number;
  private readonly loop: DrainLoop;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly options: DispatcherOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
    this.leaseMs = options.leaseMs ?? Math.max(60_000, this.timeoutMs * 4);
    this.batchSize = options.batchSize ?? 50;
    this.lanes = options.lanes ?? 4;
    this.loop = new DrainLoop({ drain: () => this.deliverUntilIdle(), onError: (error) => options.onError?.(error) });
  }

  /** Claims and delivers one batch; returns how many notifications it attempted. */
  async runOnce(): Promise<number> {
    const claimed = await claimDue(this.pool, this.now(), this.leaseMs, this.batchSize, randomUUID());
    const attempts = await Promise.all(claimed.map((c) => this.attempt(c)));
    const delivered = attempts.filter(
      (a): a is SentAttempt => a !== null && judge(a.outcome, a.claimed.attempt, this.now()).kind === 'delivered',
    );
    try {
      const recorded = await recordDelivered(this.pool, delivered, this.now());
      for (const d of delivered)
        this.options.onAttempt?.(d.claimed, d.outcome, {
          verdict: { kind: 'delivered' },
          recorded: recorded.has(d.claimed.id),
          endpointFailingTooLong: false,
        });
    } catch (error) {
      // The claims' leases run out and these are attempted again: nothing is lost.
      this.options.onError?.(error);
    }
    const others = attempts.filter((a): a is SentAttempt => a !== null && !delivered.includes(a));
    await Promise.all(others.map((a) => this.recordFailure(a)));
    return claimed.length;
  }

  /** Delivers until nothing is due. Overlapping calls coalesce. */
  drain(): Promise<void> {
    return this.loop.wake();
  }

  /** Polls for due retries; `drain()` on a wake-up delivers new notifications at once. */
  start(pollIntervalMs = 500): void {
    this.loop.start({ pollMs: pollIntervalMs });
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async deliverUntilIdle(): Promise<void> {
    // Several lanes claim and send side by side, so one slow receiver's batch does not hold up the rest.
    await Promise.all(
      Array.from({ length: this.lanes }, async () => {
        try {
          while ((await this.runOnce()) > 0);
        } catch (error) {
          this.options.onError?.(error);
        }
      }),
    );
  }

  /** Sends one attempt; null when it could not even be built (the lease then brings it back). */
  private async attempt(claimed: ClaimedNotification): Promise<SentAttempt | null> {
    try {
      const startedAt = this.now();
      const { body, headers } = buildRequest(claimed, startedAt, this.options.config.secretsKey, this.options.publicUrl);
      const outcome = await sendHttp({
        url: claimed.endpoint.url,
        body,
        headers,
        timeoutMs: this.timeoutMs,
        lookup: guardedLookup(this.options.config.allowedNetworks, this.options.resolve),
      });
      return { claimed, outcome, startedAt };
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  private async recordFailure({ claimed, outcome, startedAt }: SentAttempt): Promise<void> {
    try {
      const now = this.now();
      const result = await recordOutcome(this.pool, claimed, outcome, startedAt, now);
      if (result.verdict.kind === 'gone' || result.endpointFailingTooLong) {
        await disableEndpoint(this.pool, this.store, {
          endpointId: claimed.endpointId,
          daoId: claimed.daoId,
          url: claimed.endpoint.url,
          reason: result.verdict.kind === 'gone' ? 'gone' : 'failing',
          now,
          endpointVersion: claimed.endpoint.updatedAt,
        });
      }
      this.options.onAttempt?.(claimed, outcome, result);
    } catch (error) {
      // The claim's lease runs out and the notification is attempted again: nothing is lost.
      this.options.onError?.(error);
    }
  }
}
