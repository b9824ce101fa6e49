import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Command } from '../shared/decider';
import type { DaoAdminCommand } from './admins/admin-commands';
import type { DaoConfigurationInput } from './dao-configuration';

export type CreateDao = Command<'CreateDao', DaoConfigurationInput & { readonly daoId: string }>;

type MemberCommand<Type extends string, Extra = unknown> = Command<Type, { readonly member: Address } & Extra>;

export type RequestToJoin = MemberCommand<'RequestToJoin'>;
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
}
export type ConfirmDeposit = Command<'ConfirmDeposit', ChainLog>;
export type ConfirmWithdrawal = Command<'ConfirmWithdrawal', ChainLog>;

export type DaoCommand =
  | CreateDao
  | RequestToJoin
  | ApproveMember
  | SuspendMember
  | ReinstateMember
  | LeaveDao
  | RequestEmergencyExit
  | CompleteEmergencyExit
  | ConfirmDeposit
  | ConfirmWithdrawal
  | DaoAdminCommand;
