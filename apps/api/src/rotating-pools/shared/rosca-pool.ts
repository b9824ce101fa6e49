import { streams, type RoscaState } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { requireDaoId } from '../../shared/dao-lookup';
import { roscaProblems } from './rosca-problems';

const POOL_ID = /^rosca_[0-9a-f]{28}$/;

export type ExistingPool = Exclude<RoscaState, { status: 'ABSENT' }>;

/**
 * The pool a route names, read from the log; 404 unless it exists and belongs to the DAO in the path, so a
 * pool is never reached through another DAO's routes (or its admins' credentials).
 */
export const requirePoolIn = async (store: PostgresEventStore, daoId: string, poolId: string): Promise<ExistingPool> => {
  requireDaoId(daoId);
  // Ids that cannot exist are answered like unknown ones (and never become a stream id).
  if (!POOL_ID.test(poolId)) throw roscaProblems.poolNotFound(daoId, poolId);
  const { state } = await store.load(streams.rosca.of(poolId));
  if (state.status === 'ABSENT' || state.configuration.daoId !== daoId) throw roscaProblems.poolNotFound(daoId, poolId);
  return state;
};
