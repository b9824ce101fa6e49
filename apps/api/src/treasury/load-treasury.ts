import {
  evolveTreasury,
  initialTreasuryState,
  treasuryStreamId,
  type DeployedTreasury,
  type TreasuryEvent,
  type TreasuryState,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { problem, ProblemException } from '../shared/problem';

export const loadTreasuryState = async (store: PostgresEventStore, daoId: string): Promise<TreasuryState> =>
  (await store.readStream(treasuryStreamId(daoId))).reduce(
    (state, e) => evolveTreasury(state, { type: e.type, data: e.data } as TreasuryEvent),
    initialTreasuryState(),
  );

/** A DAO without contracts has no Safe transactions: 404 names why. */
export const requireTreasury = async (store: PostgresEventStore, daoId: string): Promise<DeployedTreasury> => {
  const state = await loadTreasuryState(store, daoId);
  if (state.status !== 'Deployed')
    throw new ProblemException(problem(404, 'TREASURY.NOT_DEPLOYED', `DAO ${daoId} has no deployed contracts (or does not exist)`));
  return state;
};

export const safeTxNotFound = (hash: string) =>
  new ProblemException(problem(404, 'SAFE_TX.NOT_FOUND', `No Safe transaction ${hash} in this DAO`));
