import { isHash, lowerHex, streams, type DeployedTreasury, type QueuedSafeTransaction } from '@ayllu/domain';
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

/** The transaction a route names by its hash (any case); 404 for anything else, a malformed hash included. */
export const requireSafeTransactionIn = (treasury: DeployedTreasury, hash: string): QueuedSafeTransaction => {
  const tx = isHash(hash) ? treasury.transactions.get(lowerHex(hash)) : undefined;
  if (!tx) throw safeTxNotFound(hash);
  return tx;
};
