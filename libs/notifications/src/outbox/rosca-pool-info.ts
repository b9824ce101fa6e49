import { streams, type RotatingPoolConfiguration } from '@ayllu/domain';
import { reviveBigints, type RecordedEvent } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import { settledRoundOf, type RoscaPoolInfo } from '../catalogue/map-rosca-event';

type Db = Pick<PoolClient | Pool, 'query'>;

/** The pools a batch has looked up: DAO, contribution and method, once per pool. */
export type RoscaInfoCache = Map<string, Omit<RoscaPoolInfo, 'settlement'> | null>;

/**
 * What a rotating pool's notification needs that its event does not carry, read from the pool's own stream in
 * the log (the outbox runs in the same database, after those events committed): the DAO, contribution and method
 * from RotatingPoolCreated (version 1), and for a settlement's confirmation the round's RoundSettled. No table of
 * its own: the log already holds both, and the stream's events are indexed by (stream_id, version).
 */
export const roscaPoolInfo = async (db: Db, event: RecordedEvent, cache: RoscaInfoCache): Promise<RoscaPoolInfo | null> => {
  const poolId = streams.rosca.parse(event.streamId);
  if (poolId === null) return null;
  if (!cache.has(poolId)) {
    const { rows } = await db.query<{ data: unknown }>(
      `SELECT data FROM events WHERE stream_id = $1 AND version = 1 AND type = 'RotatingPoolCreated'`,
      [event.streamId],
    );
    const configuration = rows[0] ? (reviveBigints(rows[0].data) as { configuration: RotatingPoolConfiguration }).configuration : null;
    cache.set(
      poolId,
      configuration === null
        ? null
        : {
            daoId: configuration.daoId,
            contributionAmount: configuration.contributionAmount,
            rotationMethod: configuration.rotationMethod,
          },
    );
  }
  const pool = cache.get(poolId);
  if (!pool) return null;
  const key = event.type === 'RotatingPoolEffectConfirmed' ? (event.data as { key: string }).key : null;
  const round = key === null ? null : settledRoundOf(key);
  if (round === null) return { ...pool, settlement: null };
  const { rows } = await db.query<{ data: unknown }>(
    `SELECT data FROM events WHERE stream_id = $1 AND type = 'RoundSettled' AND (data->>'round')::int = $2 AND version < $3
     ORDER BY version DESC LIMIT 1`,
    [event.streamId, round, event.version],
  );
  const settled = rows[0] ? (reviveBigints(rows[0].data) as { kind: 'payout' | 'refund'; recipient: string; paid: bigint }) : null;
  return { ...pool, settlement: settled === null ? null : { kind: settled.kind, recipient: settled.recipient, paid: settled.paid } };
};
