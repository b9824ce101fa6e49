import { DomainError, type ProposalState } from '@ayllu/domain';

/** A proposal id under another DAO's route is as absent as one that never existed. */
export const requireProposalIn = (daoId: string, state: ProposalState): void => {
  if (state.status === 'Absent' || state.daoId !== daoId)
    throw new DomainError('PROPOSAL.NOT_FOUND', 'No such proposal in this DAO', 'not-found');
};
