import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';
import type { DaoAdminEvent } from './admins/admin-events';
import type { DaoConfiguration, ProposalType } from './dao-configuration';
import type { WithdrawalKind } from './dao-state';

export type DaoCreated = Event<
  'DaoCreated',
  {
    readonly daoId: string;
    /** The resolved configuration: every default applied, so the log never depends on today's defaults. */
    readonly configuration: DaoConfiguration;
    readonly founders: readonly Address[];
    readonly createdAt: string;
    readonly createdBy: string;
  }
>;

type MemberFact<Type extends string, Extra = unknown> = Event<Type, { readonly member: Address } & Extra>;

export type MemberJoinRequested = MemberFact<'MemberJoinRequested', { readonly requestedAt: string }>;
/**
 * A join request nobody acted on (no approval, no vote, no deposit) lapsed after the platform's waiting time:
 * the requester is REMOVED, as a member who left, and may ask again.
 */
export type MemberJoinRequestExpired = MemberFact<'MemberJoinRequestExpired', { readonly requestedAt: string; readonly expiredAt: string }>;
/** Hybrid DAOs: an admin verified the member; their first sufficient deposit activates them. */
export type MemberApproved = MemberFact<'MemberApproved', { readonly approvedBy: string; readonly approvedAt: string }>;
/** An executed ADD_MEMBER vote. `active` false: admitted, waiting for the first sufficient deposit. */
export type MemberAdmitted = MemberFact<
  'MemberAdmitted',
  { readonly proposalId: string; readonly units: bigint | null; readonly active: boolean; readonly admittedAt: string }
>;
export type MemberActivated = MemberFact<'MemberActivated', { readonly activatedAt: string }>;
/** An ACTIVE member withdrew everything: no longer contributing, no weight, until they deposit again. */
export type MemberBecameInactive = MemberFact<'MemberBecameInactive', { readonly at: string }>;
export type MemberSuspended = MemberFact<
  'MemberSuspended',
  { readonly reason: string; readonly suspendedBy: string; readonly suspendedAt: string }
>;
export type MemberReinstated = MemberFact<
  'MemberReinstated',
  { readonly reason: string; readonly reinstatedBy: string; readonly reinstatedAt: string }
>;
export type MemberLeft = MemberFact<'MemberLeft', { readonly leftAt: string }>;
export type MemberRemoved = MemberFact<
  'MemberRemoved',
  { readonly proposalId: string; readonly reason: string; readonly removedAt: string }
>;

interface ChainFact {
  readonly member: Address;
  readonly amount: bigint;
  readonly chainId: number;
  readonly txHash: Hash;
  readonly logIndex: number;
  /** The block that held the log, so a reorg below it can retract the fact. Absent in facts recorded before blocks were kept. */
  readonly blockNumber?: bigint;
  readonly blockHash?: Hash;
  readonly confirmedAt: string;
}
export type DepositConfirmed = Event<'DepositConfirmed', ChainFact>;
/** `withdrawalId`: the approved request this withdrawal fulfils, when one matches. */
export type WithdrawalConfirmed = Event<'WithdrawalConfirmed', ChainFact & { readonly withdrawalId: string | null }>;

/**
 * A reorg took away the block that held a deposit or withdrawal the log had confirmed: the fact is void and
 * its effect on the member's balance is undone. `chainId:txHash:logIndex` is the retracted fact's key, so the
 * same log, mined again in a block of the new chain, is confirmed again; one that vanished stays retracted.
 * `rewoundTo` is the newest block both chains share.
 */
export type ChainFactRetracted = Event<
  'ChainFactRetracted',
  {
    readonly fact: 'DepositConfirmed' | 'WithdrawalConfirmed';
    readonly member: Address;
    readonly amount: bigint;
    readonly chainId: number;
    readonly txHash: Hash;
    readonly logIndex: number;
    readonly blockNumber: bigint;
    readonly blockHash: Hash;
    /** The withdrawal request the retracted withdrawal had settled: approved again, to be taken again. */
    readonly withdrawalId: string | null;
    /**
     * A retracted deposit had activated the member and the balance left no longer would: the status (PENDING
     * or INACTIVE) and joined-at they had before it. Null when membership does not change.
     */
    readonly restored: { readonly status: 'PENDING' | 'INACTIVE'; readonly joinedAt: string | null } | null;
    readonly rewoundTo: bigint;
    readonly retractedAt: string;
  }
>;

export type WithdrawalRequested = Event<
  'WithdrawalRequested',
  {
    readonly withdrawalId: string;
    readonly member: Address;
    readonly amount: bigint;
    readonly kind: WithdrawalKind;
    /** Small requests are approved at once; large ones wait for their WITHDRAW_FUNDS vote. */
    readonly status: 'approved' | 'awaiting-vote';
    readonly proposalId: string | null;
    readonly requestedAt: string;
  }
>;
/** An executed WITHDRAW_FUNDS proposal; `withdrawalId` is null for a pool-level payment. */
export type WithdrawalApproved = Event<
  'WithdrawalApproved',
  {
    readonly proposalId: string;
    readonly withdrawalId: string | null;
    readonly recipient: Address;
    readonly amount: bigint;
    readonly approvedAt: string;
  }
>;

export type EmergencyExitRequested = MemberFact<'EmergencyExitRequested', { readonly requestedAt: string; readonly availableAt: string }>;
/** The member leaves with `amount`, their whole balance; the chain's WithdrawalConfirmed settles it. */
export type EmergencyExitCompleted = MemberFact<'EmergencyExitCompleted', { readonly amount: bigint; readonly completedAt: string }>;

/** A proposal entered voting: it takes one of the maxActiveProposals slots. */
export type ProposalOpened = Event<
  'ProposalOpened',
  {
    readonly proposalId: string;
    readonly type: ProposalType;
    /** The member a REMOVE_MEMBER proposal is about, so the DAO can show they are under a vote. */
    readonly subject: Address | null;
    /** The withdrawal request a WITHDRAW_FUNDS proposal decides, if any. */
    readonly withdrawalId: string | null;
  }
>;
export type ProposalOutcome = 'Succeeded' | 'Defeated' | 'Canceled' | 'Vetoed' | 'Expired' | 'Failed';
/** A proposal left voting (or, for Expired and Failed, will never take effect). */
export type ProposalSettled = Event<'ProposalSettled', { readonly proposalId: string; readonly outcome: ProposalOutcome }>;

/** An executed CHANGE_PARAMETERS proposal; applies to proposals submitted afterwards only. */
export type DaoConfigurationChanged = Event<
  'DaoConfigurationChanged',
  {
    readonly proposalId: string;
    readonly changes: Readonly<Record<string, unknown>>;
    readonly configuration: DaoConfiguration;
    readonly changedAt: string;
  }
>;

/**
 * The DAO's Safe owners, threshold or timelock delay changed on chain (the indexer saw it). These three
 * settings follow the chain, never a proposal: a CHANGE_PARAMETERS proposal asks the chain for them.
 */
export type DaoTreasuryChanged = Event<
  'DaoTreasuryChanged',
  {
    readonly treasurers: readonly Address[];
    readonly treasurerThreshold: number;
    readonly timelockDelaySeconds: number;
    /** The chain transaction that made the change; null when a reorg undid changes (TreasuryChainChangesRetracted). */
    readonly txHash: Hash | null;
    readonly changedAt: string;
  }
>;

export type DaoEvent =
  | DaoCreated
  | MemberJoinRequested
  | MemberJoinRequestExpired
  | MemberApproved
  | MemberAdmitted
  | MemberActivated
  | MemberBecameInactive
  | MemberSuspended
  | MemberReinstated
  | MemberLeft
  | MemberRemoved
  | DepositConfirmed
  | WithdrawalConfirmed
  | ChainFactRetracted
  | WithdrawalRequested
  | WithdrawalApproved
  | EmergencyExitRequested
  | EmergencyExitCompleted
  | DaoTreasuryChanged
  | ProposalOpened
  | ProposalSettled
  | DaoConfigurationChanged
  | DaoAdminEvent;
