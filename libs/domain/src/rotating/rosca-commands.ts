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
/** Organiser only. `order`: manual and consensus pools; `proposalId`: the vote behind a consensus order. */
export type StartRotatingPool = Command<'StartRotatingPool', { readonly order?: readonly Address[]; readonly proposalId?: string }>;
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
