import type { Decider } from '../shared/decider';
import { evolveProposal } from './evolve-proposal';
import type { ProposalEvent } from './proposal-events';
import { initialProposalState, type ProposalState } from './proposal-state';

/**
 * The Proposal aggregate, stream `proposal-<proposalId>`: how its state folds. Its commands are the use
 * cases (submitProposal, castVote, closeVoting, ...), which also return DAO-side events.
 */
export const proposalDecider: Pick<Decider<never, ProposalEvent, ProposalState>, 'evolve' | 'initialState'> = {
  evolve: evolveProposal,
  initialState: initialProposalState,
};
