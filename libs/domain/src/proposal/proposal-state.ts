import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { ProposalSubmitted } from './proposal-events';
import type { Tally, VoteChoice } from './tally';

export interface Ballot {
  readonly choice: VoteChoice;
  readonly weight: bigint;
}

/** The frozen submission plus the running ballots; carried through every later status. */
export type ProposalRecord = Omit<ProposalSubmitted['data'], 'eligibleVoters'> & {
  readonly eligibleVoters: ReadonlyMap<Address, bigint>;
  readonly ballots: ReadonlyMap<Address, Ballot>;
  readonly tally: Tally;
  readonly reminded: boolean;
};

/**
 * `Active → Succeeded | Defeated | Canceled | Expired → Queued → Scheduled → Executed | Failed`.
 * A veto is recorded as Canceled with `vetoed: true` and its reason: it ends the proposal the same way a
 * cancellation does, and keeping DESIGN's list of states exact keeps the read models' filters simple.
 */
export type ProposalState =
  | { readonly status: 'Absent' }
  | (ProposalRecord & { readonly status: 'Active' })
  | (ProposalRecord & { readonly status: 'Succeeded'; readonly closedAt: string; readonly queueBy: string })
  | (ProposalRecord & { readonly status: 'Defeated'; readonly closedAt: string })
  | (ProposalRecord & {
      readonly status: 'Canceled';
      readonly canceledAt: string;
      readonly canceledBy: string;
      readonly vetoed: boolean;
      readonly reason: string | null;
    })
  | (ProposalRecord & { readonly status: 'Expired'; readonly expiredAt: string })
  | (ProposalRecord & { readonly status: 'Queued'; readonly safeTxHash: Hash })
  | (ProposalRecord & {
      readonly status: 'Scheduled';
      readonly safeTxHash: Hash;
      readonly operationId: Hash;
      readonly eta: string;
    })
  | (ProposalRecord & { readonly status: 'Executed'; readonly txHash: Hash; readonly executedAt: string })
  | (ProposalRecord & { readonly status: 'Failed'; readonly reason: string; readonly failedAt: string });

export type ProposalStatus = ProposalState['status'];
export type ExistingProposal = Exclude<ProposalState, { status: 'Absent' }>;
export type ActiveProposal = Extract<ProposalState, { status: 'Active' }>;

export const initialProposalState = (): ProposalState => ({ status: 'Absent' });
