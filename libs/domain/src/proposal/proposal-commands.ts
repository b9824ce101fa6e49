import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { DaoEvent } from '../dao/dao-events';
import type { ProposalEvent } from './proposal-events';
import type { VoteChoice } from './tally';

/** `type` and `payload` are checked at run time (validateProposalPayload), so they arrive untyped. */
export type SubmitProposal = Command<
  'SubmitProposal',
  {
    readonly proposalId: string;
    readonly proposer: Address;
    readonly type: string;
    readonly payload: unknown;
    readonly title?: string;
    readonly description?: string;
  }
>;
export type CastVote = Command<
  'CastVote',
  { readonly proposalId: string; readonly voter: Address; readonly choice: VoteChoice; readonly reason?: string }
>;
/** From the deadline job (or after a vote, when early close applies). */
export type CloseVoting = Command<'CloseVoting', { readonly proposalId: string }>;
export type CancelProposal = Command<'CancelProposal', { readonly proposalId: string; readonly canceledBy: Address }>;
/** Admin only. */
export type VetoProposal = Command<'VetoProposal', { readonly proposalId: string; readonly reason: string }>;
export type ExpireProposal = Command<'ExpireProposal', { readonly proposalId: string }>;
export type RemindVoters = Command<'RemindVoters', { readonly proposalId: string }>;
export type QueueProposal = Command<'QueueProposal', { readonly proposalId: string; readonly safeTxHash: Hash }>;
export type ScheduleProposal = Command<
  'ScheduleProposal',
  { readonly proposalId: string; readonly operationId: Hash; readonly eta: string }
>;
export type RecordProposalExecuted = Command<'RecordProposalExecuted', { readonly proposalId: string; readonly txHash: Hash }>;
export type RecordProposalExecutionFailed = Command<
  'RecordProposalExecutionFailed',
  { readonly proposalId: string; readonly reason: string }
>;

/** What a use case spanning both streams returns; the infrastructure appends both in one transaction. */
export interface StreamEvents {
  readonly dao: readonly DaoEvent[];
  readonly proposal: readonly ProposalEvent[];
}
