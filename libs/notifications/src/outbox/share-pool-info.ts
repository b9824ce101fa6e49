import { streams, type SharePoolConfiguration } from '@ayllu/domain';
import { reviveBigints, type RecordedEvent } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import type { SharePoolInfo } from '../catalogue/map-share-event';

type Db = Pick<PoolClient | Pool, 'query'>;

/** The share pools a batch has looked up, once per pool. */
export type ShareInfoCache = Map<string, SharePoolInfo | null>;

/**
 * What a share pool's notification needs that its event does not carry (the DAO, the tokens), read from the pool's
 * SharePoolCreated (version 1 of its stream) in the log, as roscaPoolInfo does.
 */
export const sharePoolInfo = async (db: Db, event: RecordedEvent, cache: ShareInfoCache): Promise<SharePoolInfo | null> => {
  const poolId = streams.sharePool.parse(event.streamId);
  if (poolId === null) return null;
  if (!cache.has(poolId)) {
    const { rows } = await db.query<{ data: unknown }>(
      `SELECT data FROM events WHERE stream_id = $1 AND version = 1 AND type = 'SharePoolCreated'`,
      [event.streamId],
    );
    const configuration = rows[0] ? (reviveBigints(rows[0].data) as { configuration: SharePoolConfiguration }).configuration : null;
    cache.set(
      poolId,
      configuration === null
        ? null
        : { daoId: configuration.daoId, purchaseToken: configuration.purchaseToken, distributionToken: configuration.distributionToken },
    );
  }
  return cache.get(poolId) ?? null;
};
