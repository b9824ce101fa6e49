import type { Pool } from 'pg';
import type { ClaimedNotification } from './claim-due';
import type { HttpOutcome } from './http-sender';
import { DISABLE_AFTER_FAILING_MS, nextRetryDelay } from './retry-schedule';

export type Verdict =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'throttled'; readonly retryAt: Date }
  | { readonly kind: 'retry'; readonly retryAt: Date }
  | { readonly kind: 'dead' };

const MIN_THROTTLE_MS = 1000;

/** What an attempt's outcome means for the notification. */
export const judge = (outcome: HttpOutcome, attempt: number, now: Date): Verdict => {
  const status = outcome.statusCode;
  if (outcome.error === null && status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (status === 429) {
    // Throttling is not failure: it does not use up an attempt, and the receiver says when to come back.
    return { kind: 'throttled', retryAt: new Date(now.getTime() + Math.max(MIN_THROTTLE_MS, outcome.retryAfterMs ?? MIN_THROTTLE_MS)) };
  }
  const delay = nextRetryDelay(attempt);
  return delay === null ? { kind: 'dead' } : { kind: 'retry', retryAt: new Date(now.getTime() + delay) };
};

export interface RecordResult {
  readonly verdict: Verdict;
  /** False when the lease had run out and another worker owns the notification now. */
  readonly recorded: boolean;
  /** The endpoint has been failing for longer than the limit: the caller disables it. */
  readonly endpointFailingTooLong: boolean;
}

/**
 * Records an attempt and its consequence. The notification row is updated only while this claim still
 * holds it (same claim token), so a worker that overran its lease cannot undo a later worker's result.
 */
export const recordOutcome = async (
  pool: Pool,
  claimed: ClaimedNotification,
  outcome: HttpOutcome,
  startedAt: Date,
  now: Date,
): Promise<RecordResult> => {
  const verdict = judge(outcome, claimed.attempt, now);
  if (verdict.kind === 'delivered') {
    const recorded = await recordDelivered(pool, [{ claimed, outcome, startedAt }], now);
    return { verdict, recorded: recorded.has(claimed.id), endpointFailingTooLong: false };
  }
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    await tx.query(
      `INSERT INTO notification_attempts (notification_id, attempt, started_at, duration_ms, status_code, error, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [claimed.id, claimed.attempt, startedAt, outcome.durationMs, outcome.statusCode, outcome.error, verdict.kind],
    );
    const common = [claimed.id, claimed.claimToken, outcome.statusCode, outcome.error];
    const base = `claimed_until = NULL, claim_token = NULL, last_status_code = $3, last_error = $4`;
    const where = `WHERE id = $1 AND claim_token = $2`;
    let updated: number | null;
    switch (verdict.kind) {
      case 'dead':
        updated = (await tx.query(`UPDATE notifications SET status = 'dead', ${base} ${where}`, common)).rowCount;
        break;
      case 'throttled':
        updated = (
          await tx.query(`UPDATE notifications SET attempt = attempt - 1, next_attempt_at = $5, ${base} ${where}`, [
            ...common,
            verdict.retryAt,
          ])
        ).rowCount;
        break;
      case 'retry':
        updated = (await tx.query(`UPDATE notifications SET next_attempt_at = $5, ${base} ${where}`, [...common, verdict.retryAt]))
          .rowCount;
        break;
      case 'gone':
        // Kept pending on its schedule: if an admin re-enables the endpoint, the message still goes out.
        updated = (
          await tx.query(`UPDATE notifications SET next_attempt_at = $5, ${base} ${where}`, [...common, new Date(now.getTime() + 5000)])
        ).rowCount;
        break;
    }
    let failingTooLong = false;
    if (verdict.kind === 'retry' || verdict.kind === 'dead') {
      const { rows } = await tx.query<{ failing_since: Date }>(
        `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2) WHERE id = $1 RETURNING failing_since`,
        [claimed.endpointId, startedAt],
      );
      const since = rows[0]?.failing_since;
      failingTooLong = since !== undefined && now.getTime() - since.getTime() >= DISABLE_AFTER_FAILING_MS;
    }
    await tx.query('COMMIT');
    return { verdict, recorded: (updated ?? 0) > 0, endpointFailingTooLong: failingTooLong };
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
};

export interface SentAttempt {
  readonly claimed: ClaimedNotification;
  readonly outcome: HttpOutcome;
  readonly startedAt: Date;
}

/**
 * The common case for a whole batch in one statement (one round trip, one commit): the attempts, the
 * notifications (each only while its claim holds) and the endpoints' health. Returns the ids recorded.
 */
export const recordDelivered = async (pool: Pool, delivered: readonly SentAttempt[], now: Date): Promise<Set<string>> => {
  if (delivered.length === 0) return new Set();
  const { rows } = await pool.query<{ id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[])
         AS i(id, claim_token, attempt, started_at, duration_ms, status_code, endpoint_id)
     ), attempts AS (
       INSERT INTO notification_attempts (notification_id, attempt, started_at, duration_ms, status_code, error, outcome)
       SELECT id, attempt, started_at, duration_ms, status_code, NULL, 'delivered' FROM input
     ), healthy AS (
       UPDATE webhook_endpoints e SET failing_since = NULL
        WHERE e.id IN (SELECT endpoint_id FROM input) AND e.failing_since IS NOT NULL
     )
     UPDATE notifications n SET status = 'delivered', delivered_at = $8, claimed_until = NULL, claim_token = NULL,
            last_status_code = i.status_code, last_error = NULL
       FROM input i
      WHERE n.id = i.id AND n.claim_token = i.claim_token
     RETURNING n.id`,
    [
      delivered.map((d) => d.claimed.id),
      delivered.map((d) => d.claimed.claimToken),
      delivered.map((d) => d.claimed.attempt),
      delivered.map((d) => d.startedAt),
      delivered.map((d) => d.outcome.durationMs),
      delivered.map((d) => d.outcome.statusCode),
      delivered.map((d) => d.claimed.endpointId),
      now,
    ],
  );
  return new Set(rows.map((r) => r.id));
};
