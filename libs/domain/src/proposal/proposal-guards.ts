import { DomainError } from '../shared/domain-error';
import type { ActiveProposal, ExistingProposal, ProposalState } from './proposal-state';

export const requireProposal = (state: ProposalState): ExistingProposal => {
  if (state.status === 'Absent') throw new DomainError('PROPOSAL.NOT_FOUND', 'No such proposal', 'not-found');
  return state;
};

export const requireActiveProposal = (state: ProposalState): ActiveProposal => {
  const proposal = requireProposal(state);
  if (proposal.status !== 'Active')
    throw new DomainError('PROPOSAL.NOT_ACTIVE', `The proposal is ${proposal.status}, not in voting`, 'conflict');
  return proposal;
};

export const requireStatus = <S extends ExistingProposal['status']>(
  state: ProposalState,
  ...allowed: S[]
): Extract<ExistingProposal, { status: S }> => {
  const proposal = requireProposal(state);
  if (!(allowed as string[]).includes(proposal.status))
    throw new DomainError('PROPOSAL.INVALID_TRANSITION', `Not possible while the proposal is ${proposal.status}`, 'conflict');
  return proposal as Extract<ExistingProposal, { status: S }>;
};
