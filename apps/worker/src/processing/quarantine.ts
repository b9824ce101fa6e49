import { randomUUID } from 'node:crypto';
import { streams } from '@ayllu/domain';
import type { PostgresEventStore, RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';

/** A stream a processor set aside, as `processor_quarantines` holds it. */
export interface Quarantine {
  readonly streamId: string;
  readonly daoId: string | null;
  /** The first version not applied: a resume replays from here. */
  readonly fromVersion: number;
  readonly resumeRequested: boolean;
}

export const readQuarantines = async (tx: PoolClient, processor: string): Promise<Map<string, Quarantine>> => {
  const { rows } = await tx.query<{ stream_id: string; dao_id: string | null; event_version: number; resume: boolean }>(
    `SELECT stream_id, dao_id, event_version, resume_requested_at IS NOT NULL AS resume
       FROM processor_quarantines WHERE processor = $1`,
    [processor],
  );
  return new Map(
    rows.map((r) => [r.stream_id, { streamId: r.stream_id, daoId: r.dao_id, fromVersion: r.event_version, resumeRequested: r.resume }]),
  );
};

/**
 * Failures that say nothing about the event: the connection, the server or a lock gave way (SQLSTATE
 * classes 08, 40, 53, 57, 58 and lock timeouts, or the client's own socket errors). They roll the whole batch
 * back for the next pass and never quarantine a stream.
 */
export const isTransient = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|40|53|57|58)/.test(code) || code === '55P03' || /^E[A-Z]+$/.test(code))) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' && /connection (terminated|ended)|client has encountered a connection error|not queryable/i.test(message)
  );
};

const REASON_LIMIT = 500;

/** The error's message only (never a stack), URL credentials masked, cut to a length admins can read. */
export const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const masked = message.replace(/\/\/[^\s/@]+@/g, '//***@');
  return masked.length > REASON_LIMIT ? `${masked.slice(0, REASON_LIMIT - 1)}…` : masked;
};

const daoIdIn = (data: unknown): string | null =>
  typeof data === 'object' && data !== null && typeof (data as { daoId?: unknown }).daoId === 'string'
    ? (data as { daoId: string }).daoId
    : null;

/**
 * The DAO a stream belongs to: its id for the DAO's own kinds, else the `daoId` its events carry (a
 * proposal's is on its ProposalSubmitted, a webhook endpoint's on each event). Null when none says.
 */
export const daoIdOfStream = async (tx: PoolClient, store: PostgresEventStore, event: RecordedEvent): Promise<string | null> => {
  const own = streams.dao.parse(event.streamId) ?? streams.treasury.parse(event.streamId) ?? streams.processing.parse(event.streamId);
  if (own !== null) return own;
  const inEvent = daoIdIn(event.data);
  if (inEvent !== null) return inEvent;
  const [first] = await store.readStream(event.streamId, 0, tx);
  return first ? daoIdIn(first.data) : null;
};

/**
 * Sets a processor's stream aside at the failing event, in the processor's transaction: the row `/health`
 * lists and, when the stream belongs to a DAO, a `StreamQuarantined` event on the DAO's processing stream that
 * the outbox turns into a notification to its endpoints. Either both commit with the checkpoint or neither.
 */
export const quarantineStream = async (
  tx: PoolClient,
  store: PostgresEventStore,
  processor: string,
  event: RecordedEvent,
  error: unknown,
  fromVersion = event.version,
): Promise<Quarantine> => {
  const daoId = await daoIdOfStream(tx, store, event);
  const reason = reasonOf(error);
  const { rows } = await tx.query<{ quarantined_at: Date }>(
    `INSERT INTO processor_quarantines (processor, stream_id, dao_id, event_version, event_position, event_type, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (processor, stream_id) DO UPDATE
       SET event_position = EXCLUDED.event_position, event_type = EXCLUDED.event_type, reason = EXCLUDED.reason,
           quarantined_at = now(), resume_requested_at = NULL, resume_requested_by = NULL
     RETURNING quarantined_at`,
    [processor, event.streamId, daoId, fromVersion, event.position.toString(), event.type, reason],
  );
  if (daoId !== null) {
    const quarantinedAt = rows[0].quarantined_at.toISOString();
    await store.append(
      [
        {
          streamId: streams.processing.of(daoId).streamId,
          // Only the worker writes here and nothing is decided from it: no version to guard.
          expectedVersion: 'any',
          events: [
            {
              type: 'StreamQuarantined',
              data: {
                daoId,
                processor,
                streamId: event.streamId,
                eventType: event.type,
                logPosition: event.position.toString(),
                reason,
                quarantinedAt,
              },
            },
          ],
        },
      ],
      {
        actor: 'system:worker',
        correlationId: event.metadata.correlationId ?? randomUUID(),
        causationId: event.metadata.eventId,
        occurredAt: quarantinedAt,
      },
      tx,
    );
  }
  return { streamId: event.streamId, daoId, fromVersion, resumeRequested: false };
};

export const liftQuarantine = (tx: PoolClient, processor: string, streamId: string) =>
  tx.query('DELETE FROM processor_quarantines WHERE processor = $1 AND stream_id = $2', [processor, streamId]);
