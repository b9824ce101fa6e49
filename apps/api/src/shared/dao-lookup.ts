import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { problem, ProblemException } from './problem';

const DAO_ID = /^dao_[0-9a-f]{28}$/;

export const daoNotFound = (daoId: string) => new ProblemException(problem(404, 'DAO.NOT_FOUND', `No DAO with id ${daoId}`));

/** Ids that cannot exist are answered like unknown ones: no id format is part of the contract. */
export const requireDaoId = (daoId: string): void => {
  if (!DAO_ID.test(daoId)) throw daoNotFound(daoId);
};

/** 404 unless the DAO exists (read from the log, so a DAO created a moment ago counts). */
export const requireDao = async (store: PostgresEventStore, daoId: string): Promise<void> => {
  requireDaoId(daoId);
  if ((await store.streamVersion(streams.dao.of(daoId).streamId)) === 0) throw daoNotFound(daoId);
};
