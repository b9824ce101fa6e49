import { streams, type DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { problem, ProblemException } from '../shared/problem';

/** A DAO without contracts has no Safe transactions: 404 names why. */
export const requireTreasury = async (store: PostgresEventStore, daoId: string): Promise<DeployedTreasury> => {
  const { state } = await store.load(streams.treasury.of(daoId));
  if (state.status !== 'Deployed')
    throw new ProblemException(problem(404, 'TREASURY.NOT_DEPLOYED', `DAO ${daoId} has no deployed contracts (or does not exist)`));
  return state;
};

export const safeTxNotFound = (hash: string) =>
  new ProblemException(problem(404, 'SAFE_TX.NOT_FOUND', `No Safe transaction ${hash} in this DAO`));
