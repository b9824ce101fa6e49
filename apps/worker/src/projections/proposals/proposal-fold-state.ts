import type { ExistingProposal, ProposalState } from '@ayllu/domain';
import { encodeJson, reviveBigints } from '@ayllu/event-store';

/**
 * How `rm_proposals.fold_state` stores a proposal's domain state: bigint-tagged JSON (the event store's
 * codec) with the two maps as entry lists. The API reads the same shape (governance-reads/proposals).
 */
export const encodeProposalState = (state: ExistingProposal): string =>
  encodeJson({ ...state, eligibleVoters: [...state.eligibleVoters], ballots: [...state.ballots] });

export const decodeProposalState = (stored: unknown): ProposalState => {
  const plain = reviveBigints(stored) as Record<string, unknown>;
  return {
    ...plain,
    eligibleVoters: new Map(plain.eligibleVoters as [string, bigint][]),
    ballots: new Map(plain.ballots as [string, never][]),
  } as unknown as ProposalState;
};
