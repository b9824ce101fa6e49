import { problem, ProblemException } from '../../shared/problem';

const DAO_ID = /^dao_[0-9a-f]{28}$/;
const PROPOSAL_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const daoNotFound = (daoId: string) => new ProblemException(problem(404, 'DAO.NOT_FOUND', `No DAO with id ${daoId}`));
export const proposalNotFound = (proposalId: string) =>
  new ProblemException(problem(404, 'PROPOSAL.NOT_FOUND', `No proposal ${proposalId} in this DAO`));
export const memberNotFound = (address: string) =>
  new ProblemException(problem(404, 'MEMBER.NOT_FOUND', `${address} is not a member of this DAO`));

/** Ids that cannot exist are answered like unknown ones: no id format is part of the contract. */
export const requireDaoId = (daoId: string): void => {
  if (!DAO_ID.test(daoId)) throw daoNotFound(daoId);
};
export const requireProposalId = (proposalId: string): void => {
  if (!PROPOSAL_ID.test(proposalId)) throw proposalNotFound(proposalId);
};
