import type { Checkpoint, PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { enqueueNotifications } from '../outbox/enqueue-notifications';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface DeliveryAttempt {
  readonly attempt: number;
  readonly startedAt: string;
  readonly latencyMs: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly outcome: string;
}

export interface Delivery {
  readonly id: string;
  readonly type: string;
  readonly logPosition: string;
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  readonly lastStatusCode: number | null;
  /** When the next attempt is due; null once delivered or dead. */
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

export interface DeliveryQuery {
  readonly status?: DeliveryStatus;
  /**
   * Only notifications after this one in the list's order (log position newest first, then id): where the previous
   * page ended. Checked by the caller; its parts go to SQL as parameters.
   */
  readonly after?: DeliveryKey;
  readonly limit: number;
}

/** A delivery's place in the list: its log position and its id (UUID), the tie-breaker of one event's notifications. */
export interface DeliveryKey {
  readonly logPosition: bigint;
  readonly id: string;
}

interface DeliveryRow {
  readonly id: string;
  readonly type: string;
  /** BIGINT: pg returns it as a string. */
  readonly log_position: string;
  readonly status: DeliveryStatus;
  readonly last_status_code: number | null;
  readonly next_attempt_at: Date;
  readonly delivered_at: Date | null;
  readonly created_at: Date;
  /** json_agg of the attempts: their timestamps arrive as JSON strings. */
  readonly attempts: DeliveryAttempt[];
}

/** The most events one replay call reads, so one request cannot hold the API for minutes. */
export const REPLAY_MAX_EVENTS = 50_000;

/** The delivery log of one endpoint, and the admin actions on it: redeliver one, replay from a log position. */
export class DeliveryLog {
  constructor(
    private readonly db: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  /** One page of the endpoint's deliveries and, when more follow, the key of its last (to ask for the next page). */
  async list(endpointId: string, query: DeliveryQuery): Promise<{ items: Delivery[]; next: DeliveryKey | null }> {
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT n.id, n.type, n.log_position, n.status, n.last_status_code, n.next_attempt_at, n.delivered_at, n.created_at,
              COALESCE(json_agg(json_build_object('attempt', a.attempt, 'startedAt', a.started_at, 'latencyMs', a.duration_ms,
                'statusCode', a.status_code, 'error', a.error, 'outcome', a.outcome) ORDER BY a.id) FILTER (WHERE a.id IS NOT NULL), '[]') AS attempts
         FROM notifications n LEFT JOIN notification_attempts a ON a.notification_id = n.id
        WHERE n.endpoint_id = $1 AND ($2::text IS NULL OR n.status = $2)
          AND ($3::bigint IS NULL OR n.log_position < $3 OR (n.log_position = $3 AND n.id > $4::uuid))
        GROUP BY n.id
        ORDER BY n.log_position DESC, n.id
        LIMIT $5`,
      [endpointId, query.status ?? null, query.after?.logPosition.toString() ?? null, query.after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const items = page.map((r): Delivery => ({
      id: r.id,
      type: r.type,
      logPosition: String(r.log_position),
      status: r.status,
      attempts: r.attempts.map((a) => ({ ...a, startedAt: new Date(a.startedAt).toISOString() })),
      lastStatusCode: r.last_status_code,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
      deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
      createdAt: r.created_at.toISOString(),
    }));
    const last = page[page.length - 1];
    return { items, next: rows.length > query.limit && last ? { logPosition: BigInt(last.log_position), id: last.id } : null };
  }

  /** Sends a notification again now, with the same id, as a fresh round of the retry schedule. */
  async redeliver(endpointId: string, notificationId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE notifications SET status = 'pending', attempt = 0, next_attempt_at = $3, claimed_until = NULL, claim_token = NULL
        WHERE endpoint_id = $1 AND id = $2`,
      [endpointId, notificationId, now],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * Re-derives from the log every notification this endpoint's filter selects since a log position
   * (inclusive) and queues each again with its usual id: receivers that deduplicate see nothing twice.
   * Returns null when no event has that position, else how many notifications were queued.
   */
  async replaySince(
    endpointId: string,
    since: bigint,
    now: Date,
  ): Promise<{ queued: number; eventsRead: number; complete: boolean } | null> {
    const at = await this.store.checkpointAt(since);
    if (!at) return null;
    let checkpoint: Checkpoint = { transactionId: at.transactionId, position: since - 1n };
    let queued = 0;
    let eventsRead = 0;
    for (;;) {
      const events = await this.store.readAll(checkpoint, 1000);
      if (events.length === 0) return { queued, eventsRead, complete: true };
      queued += await enqueueNotifications(this.db, events, { now, endpointId, reset: true });
      eventsRead += events.length;
      const last = events[events.length - 1];
      checkpoint = { transactionId: last.transactionId, position: last.position };
      if (eventsRead >= REPLAY_MAX_EVENTS) return { queued, eventsRead, complete: false };
    }
  }
}
