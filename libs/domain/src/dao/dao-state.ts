import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import type { AdminRoster } from './admins/admin-roster';
import type { DaoConfiguration } from './dao-configuration';

export type MemberStatus = 'PENDING' | 'ACTIVE' | 'INACTIVE' | 'SUSPENDED' | 'REMOVED';

export interface Member {
  readonly address: Address;
  readonly status: MemberStatus;
  readonly totalDeposited: bigint;
  readonly currentBalance: bigint;
  readonly accruedYield: bigint;
  /** When the member first became ACTIVE; null while they never were. */
  readonly joinedAt: string | null;
  /** Voting weight right now: 1 per ACTIVE member (democratic) or the balance (weighted); 0 otherwise. */
  readonly weight: bigint;
  /** Admitted by an admin (hybrid) or by an ADD_MEMBER vote, so the first deposit may activate them. */
  readonly admitted: boolean;
  /** Payout-pool units an ADD_MEMBER proposal granted, if any. */
  readonly units: bigint | null;
  /** The REMOVE_MEMBER proposal currently deciding about this member, if any. */
  readonly pendingRemoval: string | null;
  /** When their latest join request was made; null when they never asked (a founder, a depositor). */
  readonly requestedAt: string | null;
}

export type WithdrawalKind = 'small' | 'large';
/**
 * approved: may be taken from the vault; awaiting-vote: a WITHDRAW_FUNDS proposal decides;
 * rejected: that proposal did not pass; confirmed: the chain reported the withdrawal.
 */
export type WithdrawalStatus = 'approved' | 'awaiting-vote' | 'rejected' | 'confirmed';

export interface WithdrawalRequest {
  readonly withdrawalId: string;
  readonly member: Address;
  readonly amount: bigint;
  readonly kind: WithdrawalKind;
  readonly status: WithdrawalStatus;
  readonly proposalId: string | null;
  readonly requestedAt: string;
}

export interface EmergencyExit {
  readonly member: Address;
  readonly requestedAt: string;
  readonly availableAt: string;
}

/** A deposit or withdrawal the DAO took from the chain: what undoing it needs. */
export interface AppliedChainFact {
  readonly fact: 'DepositConfirmed' | 'WithdrawalConfirmed';
  readonly member: Address;
  readonly amount: bigint;
  readonly chainId: number;
  readonly txHash: Hash;
  readonly logIndex: number;
  /** Null for facts recorded before blocks were kept: those cannot be retracted. */
  readonly blockNumber: bigint | null;
  readonly blockHash: Hash | null;
  readonly withdrawalId: string | null;
  /** The member's status and joined-at before the fact, so a retraction can put back what it changed. */
  readonly statusBefore: MemberStatus;
  readonly joinedAtBefore: string | null;
}

export interface AbsentDao {
  readonly status: 'Absent';
}

export interface ActiveDao {
  readonly status: 'Active';
  readonly daoId: string;
  readonly configuration: DaoConfiguration;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly members: ReadonlyMap<Address, Member>;
  readonly withdrawals: ReadonlyMap<string, WithdrawalRequest>;
  readonly emergencyExits: ReadonlyMap<Address, EmergencyExit>;
  /** Proposals still in voting: their count is what maxActiveProposals limits. */
  readonly activeProposals: ReadonlySet<string>;
  /**
   * Every deposit or withdrawal applied and not retracted, by `chainId:txHash:logIndex`, so a replay changes
   * nothing and a reorg knows what to take back.
   */
  readonly chainEvents: ReadonlyMap<string, AppliedChainFact>;
  /** Admin keys and admin wallets of this DAO (the platform admin is not listed: it administers every DAO). */
  readonly admins: AdminRoster;
}

export type DaoState = AbsentDao | ActiveDao;

export const initialDaoState = (): DaoState => ({ status: 'Absent' });
