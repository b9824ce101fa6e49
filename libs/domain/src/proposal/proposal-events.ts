import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';
import type { VotingType } from '../dao/dao-configuration';
import type { ProposalOf } from './proposal-payloads';
import type { Tally, VoteChoice } from './tally';

export interface EligibleVoter {
  readonly voter: Address;
  readonly weight: bigint;
}

/** Everything the vote will be judged by, frozen at submission: later changes to the DAO do not reach it. */
export type ProposalSubmitted = Event<
  'ProposalSubmitted',
  ProposalOf & {
    readonly proposalId: string;
    readonly daoId: string;
    readonly proposer: Address;
    /** One line shown in lists; '' when none was given (proposals opened by a withdrawal request). */
    readonly title: string;
    readonly description: string;
    readonly votingType: VotingType;
    readonly eligibleVoters: readonly EligibleVoter[];
    readonly totalEligibleWeight: bigint;
    readonly quorumBps: number;
    readonly thresholdBps: number;
    readonly votingStartsAt: string;
    readonly votingEndsAt: string;
    readonly allowVoteChange: boolean;
    readonly earlyClose: boolean;
    readonly executionWindowSeconds: number;
  }
>;

/** Every ballot is kept; a change is a new VoteCast whose `replaces` names the choice it supersedes. */
export type VoteCast = Event<
  'VoteCast',
  {
    readonly proposalId: string;
    readonly voter: Address;
    readonly choice: VoteChoice;
    readonly weight: bigint;
    readonly replaces: VoteChoice | null;
    readonly castAt: string;
    /** The voter's stated reason, present only when one was given (it is part of what they signed). */
    readonly reason?: string;
  }
>;

type ProposalFact<Type extends string, Extra> = Event<Type, { readonly proposalId: string } & Extra>;

export type ProposalCanceled = ProposalFact<'ProposalCanceled', { readonly canceledBy: string; readonly canceledAt: string }>;
export type ProposalVetoed = ProposalFact<
  'ProposalVetoed',
  { readonly vetoedBy: string; readonly reason: string; readonly vetoedAt: string }
>;
export type ProposalSucceeded = ProposalFact<
  'ProposalSucceeded',
  { readonly tally: Tally; readonly closedAt: string; readonly early: boolean; readonly queueBy: string }
>;
export type ProposalDefeated = ProposalFact<
  'ProposalDefeated',
  { readonly tally: Tally; readonly closedAt: string; readonly early: boolean; readonly quorumReached: boolean }
>;
export type ProposalExpired = ProposalFact<'ProposalExpired', { readonly expiredAt: string }>;
/** 24 h before voting ends, for the notifications; `notVoted` lists who has not voted yet. */
export type ProposalReminderDue = ProposalFact<
  'ProposalReminderDue',
  { readonly votingEndsAt: string; readonly notVoted: readonly Address[]; readonly remindedAt: string }
>;
/** The Safe transaction that schedules the proposal's operation was proposed to the treasurers. */
export type ProposalQueued = ProposalFact<'ProposalQueued', { readonly safeTxHash: Hash; readonly queuedAt: string }>;
/** The timelock holds the operation until `eta`. */
export type ProposalScheduled = ProposalFact<
  'ProposalScheduled',
  { readonly operationId: Hash; readonly eta: string; readonly scheduledAt: string }
>;
export type ProposalExecuted = ProposalFact<'ProposalExecuted', { readonly txHash: Hash; readonly executedAt: string }>;
export type ProposalExecutionFailed = ProposalFact<'ProposalExecutionFailed', { readonly reason: string; readonly failedAt: string }>;

export type ProposalEvent =
  | ProposalSubmitted
  | VoteCast
  | ProposalCanceled
  | ProposalVetoed
  | ProposalSucceeded
  | ProposalDefeated
  | ProposalExpired
  | ProposalReminderDue
  | ProposalQueued
  | ProposalScheduled
  | ProposalExecuted
  | ProposalExecutionFailed;
