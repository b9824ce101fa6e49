import type { RecordedEvent } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import { isNotifying, isRelayerEvent, mapEvent, type NotifyingEvent, type ProposalInfo } from '../catalogue/map-event';
import { isRoscaEvent } from '../catalogue/map-rosca-event';
import { isShareEvent } from '../catalogue/map-share-event';
import type { StoredEnvelope } from '../links/notification-page';
import { outboxId } from './notification-id';
import { roscaPoolInfo, type RoscaInfoCache } from './rosca-pool-info';
import { sharePoolInfo, type ShareInfoCache } from './share-pool-info';

type Db = Pick<PoolClient | Pool, 'query'>;

export interface EnqueueOptions {
  readonly now: Date;
  /** Only this endpoint (a replay); otherwise every matching active or paused endpoint of the DAO. */
  readonly endpointId?: string;
  /** Put an already delivered or dead notification back in the queue (replay); otherwise keep it. */
  readonly reset?: boolean;
}

interface EndpointRow {
  id: string;
  event_types: string[] | null;
  created_at: Date;
}

const proposalInfo = async (db: Db, event: NotifyingEvent): Promise<ProposalInfo | null> => {
  if (event.type === 'ProposalSubmitted') {
    const { proposalId, daoId, type, description } = event.data;
    await db.query(
      `INSERT INTO notification_proposals (proposal_id, dao_id, type, description) VALUES ($1, $2, $3, $4) ON CONFLICT (proposal_id) DO NOTHING`,
      [proposalId, daoId, type, description],
    );
    return { daoId, type, description };
  }
  if (!('proposalId' in event.data) || typeof event.data.proposalId !== 'string') return null;
  const { rows } = await db.query<{ dao_id: string; type: string; description: string }>(
    'SELECT dao_id, type, description FROM notification_proposals WHERE proposal_id = $1',
    [event.data.proposalId],
  );
  return rows[0] ? { daoId: rows[0].dao_id, type: rows[0].type, description: rows[0].description } : null;
};

/**
 * The DAOs a relayer event goes to: the platform runs one chain, so every DAO depends on its relayer; only those
 * with an endpoint (or the one a replay names) can hear of it.
 */
const daosWithEndpoints = async (db: Db, endpointId: string | undefined): Promise<string[]> => {
  const { rows } = await db.query<{ dao_id: string }>(
    `SELECT DISTINCT dao_id FROM webhook_endpoints
     WHERE ($1::text IS NULL AND status IN ('active', 'paused')) OR id = $1 ORDER BY dao_id`,
    [endpointId ?? null],
  );
  return rows.map((r) => r.dao_id);
};

/**
 * Turns events into outbox rows: one per (notification, subscribed endpoint), with an id derived from
 * both so that running this twice over the same events changes nothing (or, with `reset`, re-queues).
 * Events of types that notify nobody are skipped. Returns how many rows were written.
 */
export const enqueueNotifications = async (db: Db, events: readonly RecordedEvent[], options: EnqueueOptions): Promise<number> => {
  const endpointsByDao = new Map<string, EndpointRow[]>();
  const rows: OutboxRow[] = [];
  let chainDaos: readonly string[] | undefined;
  const pools: RoscaInfoCache = new Map();
  const sharePools: ShareInfoCache = new Map();
  for (const event of events.filter(isNotifying)) {
    if (isRelayerEvent(event)) chainDaos ??= await daosWithEndpoints(db, options.endpointId);
    const mapped = isRelayerEvent(event)
      ? mapEvent(event, null, chainDaos)
      : isRoscaEvent(event)
        ? mapEvent(event, null, [], await roscaPoolInfo(db, event, pools))
        : isShareEvent(event)
          ? mapEvent(event, null, [], await sharePoolInfo(db, event, sharePools))
          : mapEvent(event, await proposalInfo(db, event));
    for (const notification of mapped) {
      let endpoints = endpointsByDao.get(notification.daoId);
      if (!endpoints) {
        const { rows } = await db.query<EndpointRow>(
          `SELECT id, event_types, created_at FROM webhook_endpoints
           WHERE dao_id = $1 AND ($2::text IS NULL OR id = $2) AND ($2::text IS NOT NULL OR status IN ('active', 'paused'))`,
          [notification.daoId, options.endpointId ?? null],
        );
        endpoints = rows;
        endpointsByDao.set(notification.daoId, endpoints);
      }
      for (const endpoint of endpoints) {
        if (endpoint.event_types !== null && !endpoint.event_types.includes(notification.type)) continue;
        // A subscription hears what happens after it was made; older events come only through a replay.
        if (!options.endpointId && endpoint.created_at.getTime() > event.recordedAt.getTime()) continue;
        const id = outboxId(endpoint.id, event.metadata.eventId, notification);
        const envelope: StoredEnvelope = {
          id,
          type: notification.type,
          timestamp: event.metadata.occurredAt,
          daoId: notification.daoId,
          logPosition: event.position.toString(),
          eventId: event.metadata.eventId,
          data: notification.data,
        };
        rows.push({ id, endpointId: endpoint.id, envelope, eventId: event.metadata.eventId, occurredAt: event.metadata.occurredAt });
      }
    }
  }
  return rows.length === 0 ? 0 : insertRows(db, rows, options);
};

interface OutboxRow {
  readonly id: string;
  readonly endpointId: string;
  readonly envelope: StoredEnvelope;
  readonly eventId: string;
  readonly occurredAt: string;
}

/** One INSERT for the whole batch: the outbox keeps up with the log without a round trip per row. */
const insertRows = async (db: Db, rows: readonly OutboxRow[], options: EnqueueOptions): Promise<number> => {
  const result = await db.query(
    `INSERT INTO notifications (id, endpoint_id, dao_id, type, event_id, log_position, occurred_at, payload, status, attempt, next_attempt_at, created_at)
     SELECT r.id, r.endpoint_id, r.dao_id, r.type, r.event_id, r.log_position, r.occurred_at, r.payload, 'pending', 0, $9, $9
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[], $8::jsonb[])
            AS r(id, endpoint_id, dao_id, type, event_id, log_position, occurred_at, payload)
     ON CONFLICT (id) DO ${
       options.reset
         ? `UPDATE SET status = 'pending', attempt = 0, next_attempt_at = $9, claimed_until = NULL, claim_token = NULL`
         : 'NOTHING'
     }`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.endpointId),
      rows.map((r) => r.envelope.daoId),
      rows.map((r) => r.envelope.type),
      rows.map((r) => r.eventId),
      rows.map((r) => r.envelope.logPosition),
      rows.map((r) => r.occurredAt),
      rows.map((r) => JSON.stringify(r.envelope)),
      options.now,
    ],
  );
  return result.rowCount ?? 0;
};
