import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { Hash } from '../shared/hex';
import type { RotatingPoolConfigurationInput } from './rosca-configuration';

export type CreateRotatingPool = Command<'CreateRotatingPool', { readonly poolId: string } & RotatingPoolConfigurationInput>;
/** `collateral`: what the member deposited with the join (must be the configured amount). */
export type JoinRotatingPool = Command<
  'JoinRotatingPool',
  { readonly member: Address; readonly collateral: bigint; readonly commitment?: Hash }
>;
export type RevealLotterySecret = Command<'RevealLotterySecret', { readonly member: Address; readonly secret: Hash }>;
/**
 * Organiser only (the DAO's Safe). `order`: manual pools. A consensus pool starts on the order a majority
 * voted for; a lottery pool whose members have not all revealed by the start date draws among those who did.
 */
export type StartRotatingPool = Command<'StartRotatingPool', { readonly order?: readonly Address[] }>;
export type RecordRotatingPoolDeployment = Command<
  'RecordRotatingPoolDeployment',
  { readonly address: Address; readonly txHash: Hash | null; readonly blockNumber: bigint; readonly strategy?: Address | null }
>;
/** `banned`: the member was expelled from one of the DAO's rotating pools (looked up by the caller). */
export type RequestToJoinRotatingPool = Command<
  'RequestToJoinRotatingPool',
  { readonly member: Address; readonly commitment?: Hash; readonly banned: boolean }
>;
export type FailRotatingPoolJoin = Command<'FailRotatingPoolJoin', { readonly member: Address; readonly reason: string }>;
export type VoteOnRotationOrder = Command<'VoteOnRotationOrder', { readonly member: Address; readonly order: readonly Address[] }>;
export type RequestEarlyPayment = Command<'RequestEarlyPayment', { readonly member: Address; readonly round: number }>;
export type AnnounceRound = Command<'AnnounceRound', { readonly round: number }>;
export type MarkContributionsLate = Command<'MarkContributionsLate', { readonly round: number }>;
/** `deferred`: payments of the effect that the token refused and the contract holds for a later claim. */
export type ConfirmRotatingPoolEffect = Command<
  'ConfirmRotatingPoolEffect',
  {
    readonly key: string;
    readonly txHash: Hash;
    readonly deferred: readonly { readonly member: Address; readonly amount: bigint }[];
    /** What the chain paid (its Paid events, summed per recipient) and its fee; absent = as decided. */
    readonly paid?: readonly { readonly member: Address; readonly amount: bigint }[];
    readonly fee?: bigint;
  }
>;
export type PayContribution = Command<'PayContribution', { readonly member: Address; readonly round: number; readonly amount: bigint }>;
export type PlaceBid = Command<'PlaceBid', { readonly member: Address; readonly round: number; readonly discountBps: number }>;
/** `yieldEarned`: what the held funds earned this round, brought in with the settlement. */
export type SettleRound = Command<'SettleRound', { readonly round: number; readonly yieldEarned?: bigint }>;
export type RequestRoscaExit = Command<'RequestRoscaExit', { readonly member: Address }>;
export type PauseRotatingPool = Command<'PauseRotatingPool', { readonly reason: string }>;
export type ResumeRotatingPool = Command<'ResumeRotatingPool', Record<string, never>>;
export type VoteToDissolve = Command<'VoteToDissolve', { readonly member: Address }>;

export type RoscaCommand =
  | CreateRotatingPool
  | RecordRotatingPoolDeployment
  | RequestToJoinRotatingPool
  | FailRotatingPoolJoin
  | VoteOnRotationOrder
  | RequestEarlyPayment
  | AnnounceRound
  | MarkContributionsLate
  | ConfirmRotatingPoolEffect
  | JoinRotatingPool
  | RevealLotterySecret
  | StartRotatingPool
  | PayContribution
  | PlaceBid
  | SettleRound
  | RequestRoscaExit
  | PauseRotatingPool
  | ResumeRotatingPool
  | VoteToDissolve;
