import { problem, ProblemException } from '../../shared/problem';

export const PROPOSAL_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const proposalNotFound = (proposalId: string) =>
  new ProblemException(problem(404, 'PROPOSAL.NOT_FOUND', `No proposal ${proposalId} in this DAO`));
export const memberNotFound = (address: string) =>
  new ProblemException(problem(404, 'MEMBER.NOT_FOUND', `${address} is not a member of this DAO`));

/** Ids that cannot exist are answered like unknown ones: no id format is part of the contract. */
export const requireProposalId = (proposalId: string): void => {
  if (!PROPOSAL_ID.test(proposalId)) throw proposalNotFound(proposalId);
};
