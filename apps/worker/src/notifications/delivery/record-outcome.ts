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
      case 'delivered':
        updated = (await tx.query(`UPDATE notifications SET status = 'delivered', delivered_at = $5, ${base} ${where}`, [...common, now])).rowCount;
        break;
      case 'dead':
        updated = (await tx.query(`UPDATE notifications SET status = 'dead', ${base} ${where}`, common)).rowCount;
        break;
      case 'throttled':
        updated = (
          await tx.query(`UPDATE notifications SET attempt = attempt - 1, next_attempt_at = $5, ${base} ${where}`, [...common, verdict.retryAt])
        ).rowCount;
        break;
      case 'retry':
        updated = (await tx.query(`UPDATE notifications SET next_attempt_at = $5, ${base} ${where}`, [...common, verdict.retryAt])).rowCount;
        break;
      case 'gone':
        // Kept pending on its schedule: if an admin re-enables the endpoint, the message still goes out.
        updated = (
          await tx.query(`UPDATE notifications SET next_attempt_at = $5, ${base} ${where}`, [...common, new Date(now.getTime() + 5000)])
        ).rowCount;
        break;
    }
    let failingTooLong = false;
    if (verdict.kind === 'delivered') {
      await tx.query('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [claimed.endpointId]);
    } else if (verdict.kind === 'retry' || verdict.kind === 'dead') {
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
