import { streams, type ExistingSharePool } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { requireDaoId } from '../../shared/dao-lookup';
import { shareProblems } from './share-problems';

const POOL_ID = /^share_[0-9a-f]{28}$/;

/**
 * The share pool a route names, read from the log; 404 unless it exists and belongs to the DAO in the path, so a
 * pool is never reached through another DAO's routes (or its admins' credentials).
 */
export const requireSharePoolIn = async (store: PostgresEventStore, daoId: string, poolId: string): Promise<ExistingSharePool> => {
  requireDaoId(daoId);
  if (!POOL_ID.test(poolId)) throw shareProblems.poolNotFound(daoId, poolId);
  const { state } = await store.load(streams.sharePool.of(poolId));
  if (state.status === 'ABSENT' || state.configuration.daoId !== daoId) throw shareProblems.poolNotFound(daoId, poolId);
  return state;
};

export const isSharePoolId = (poolId: string): boolean => POOL_ID.test(poolId);
