import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { DaoAdminCommand } from './admins/admin-commands';
import type { DaoConfigurationInput } from './dao-configuration';

export type CreateDao = Command<'CreateDao', DaoConfigurationInput & { readonly daoId: string }>;

type MemberCommand<Type extends string, Extra = unknown> = Command<Type, { readonly member: Address } & Extra>;

export type RequestToJoin = MemberCommand<'RequestToJoin'>;
/**
 * From the worker's join-request expiry job: the request made at `requestedAt` lapses once `afterSeconds`
 * (the platform's setting, passed in so the domain reads no configuration) have passed.
 */
export type ExpireJoinRequest = MemberCommand<'ExpireJoinRequest', { readonly requestedAt: string; readonly afterSeconds: number }>;
/** Admin only (hybrid DAOs). */
export type ApproveMember = MemberCommand<'ApproveMember'>;
/** Admin only. */
export type SuspendMember = MemberCommand<'SuspendMember', { readonly reason: string }>;
/** Admin only. */
export type ReinstateMember = MemberCommand<'ReinstateMember', { readonly reason: string }>;
export type LeaveDao = MemberCommand<'LeaveDao'>;
export type RequestEmergencyExit = MemberCommand<'RequestEmergencyExit'>;
export type CompleteEmergencyExit = MemberCommand<'CompleteEmergencyExit'>;

/** From the chain indexer; (chainId, txHash, logIndex) identifies the log, so a replay is a no-op. */
export interface ChainLog {
  readonly member: Address;
  readonly amount: bigint;
  readonly chainId: number;
  readonly txHash: Hash;
  readonly logIndex: number;
  /** The block that held the log; a fact without it cannot be retracted after a reorg. */
  readonly blockNumber?: bigint;
  readonly blockHash?: Hash;
}
export type ConfirmDeposit = Command<'ConfirmDeposit', ChainLog>;
export type ConfirmWithdrawal = Command<'ConfirmWithdrawal', ChainLog>;
/**
 * From the chain indexer after a reorg: the chain `chainId` rewound to block `rewoundTo` (the newest block both
 * chains share), so every deposit or withdrawal confirmed from a block above it is void.
 */
export type RetractChainFacts = Command<'RetractChainFacts', { readonly chainId: number; readonly rewoundTo: bigint }>;

export type DaoCommand =
  | CreateDao
  | RequestToJoin
  | ExpireJoinRequest
  | ApproveMember
  | SuspendMember
  | ReinstateMember
  | LeaveDao
  | RequestEmergencyExit
  | CompleteEmergencyExit
  | ConfirmDeposit
  | ConfirmWithdrawal
  | RetractChainFacts
  | DaoAdminCommand;
