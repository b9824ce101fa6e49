import type { Address } from '../shared/address';
import { VAULT_LIMITS } from './vault-limits';

/** The DAO's rules. Field names are part of the API and of stored events. */
export type DaoAccess = 'open' | 'closed' | 'hybrid';
export type VotingType = 'democratic' | 'weighted';
export type YieldMode = 'compound' | 'distribute' | 'treasury';

export const PROPOSAL_TYPES = [
  'ADD_MEMBER',
  'REMOVE_MEMBER',
  'WITHDRAW_FUNDS',
  'CHANGE_PARAMETERS',
  'CHANGE_STRATEGY',
  'DISTRIBUTE_YIELDS',
  'UPGRADE_CONTRACT',
] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

export interface DaoConfiguration {
  readonly name: string;
  readonly description: string;
  readonly access: DaoAccess;
  readonly votingType: VotingType;
  /** Share of the eligible weight that must take part (for + against + abstain), in basis points. */
  readonly quorumBps: number;
  readonly votingPeriodSeconds: number;
  /** Close a vote as soon as its outcome can no longer change. */
  readonly earlyClose: boolean;
  readonly allowVoteChange: boolean;
  /** In the token's smallest unit. */
  readonly minimumDeposit: bigint;
  readonly maxMembers: number;
  readonly maxActiveProposals: number;
  /** Largest withdrawal, as basis points of the member's balance, that needs no vote. */
  readonly smallWithdrawalLimitBps: number;
  readonly emergencyExitWaitSeconds: number;
  readonly platformFeeBps: number;
  readonly yieldMode: YieldMode;
  readonly timelockDelaySeconds: number;
  /** How long a Succeeded proposal may wait to be queued before it expires. */
  readonly executionWindowSeconds: number;
  /** A proposal passes when for × 10000 > threshold × (for + against). */
  readonly approvalThresholdBps: Readonly<Record<ProposalType, number>>;
  readonly treasurers: readonly Address[];
  /** Signatures the Safe needs; 0 only while there are no treasurers. */
  readonly treasurerThreshold: number;
  readonly feeCollector?: Address;
  /** The ERC-20 the vault holds: a token the network profile lists with a Super Token; its first token when absent. */
  readonly asset?: Address;
  /**
   * An existing Safe attached at creation instead of a new one: its owners and threshold are the treasurers,
   * and its treasurers enable the DAO's timelock relay as a module with a Safe transaction they sign.
   */
  readonly safe?: Address;
}

const DAY = 24 * 60 * 60;

/** Defaults for every field but `name`; the treasurer threshold default depends on the treasurers. */
export const DAO_DEFAULTS = {
  description: '',
  access: 'open',
  votingType: 'democratic',
  quorumBps: 5100,
  votingPeriodSeconds: 3 * DAY,
  earlyClose: false,
  allowVoteChange: false,
  minimumDeposit: 0n,
  maxMembers: 1000,
  maxActiveProposals: 10,
  smallWithdrawalLimitBps: 1000,
  emergencyExitWaitSeconds: 7 * DAY,
  platformFeeBps: 1000,
  yieldMode: 'compound',
  timelockDelaySeconds: 2 * DAY,
  executionWindowSeconds: 7 * DAY,
  approvalThresholdBps: {
    ADD_MEMBER: 5000,
    REMOVE_MEMBER: 6000,
    WITHDRAW_FUNDS: 5000,
    CHANGE_PARAMETERS: 5000,
    CHANGE_STRATEGY: 5000,
    DISTRIBUTE_YIELDS: 5000,
    UPGRADE_CONTRACT: 5000,
  },
  treasurers: [],
} as const satisfies Omit<DaoConfiguration, 'name' | 'treasurerThreshold' | OptionalAddressFields>;

/**
 * Bounds the validator enforces, kept beside the defaults they constrain. The API's request DTOs read
 * them too, so a bound is written once. Settings the vault also holds take their bounds from the vault's
 * (VAULT_LIMITS), for DAO creation and CHANGE_PARAMETERS alike: nothing the vault would refuse gets recorded.
 */
export const DAO_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 2000,
  /** Quorum and approval thresholds, in basis points. */
  bps: { min: 1, max: 10_000 },
  /** Largest withdrawal without a vote, in basis points of the member's balance; the vault's bound. */
  smallWithdrawalLimitBps: { min: 1, max: VAULT_LIMITS.maxSmallWithdrawalLimitBps },
  votingPeriodSeconds: { min: 60, max: 90 * DAY },
  maxMembers: { min: 1, max: VAULT_LIMITS.maxMembers },
  /**
   * Join requests awaiting a decision (PENDING, not admitted) a DAO holds at once. A request costs nothing
   * but a fresh key, so without a bound strangers could grow a DAO's member list (and every read of it)
   * without end; requests also lapse after the platform's waiting time (JOIN_REQUEST_TTL_SECONDS).
   */
  maxPendingJoinRequests: 100,
  maxActiveProposals: { min: 1, max: 100 },
  platformFeeBps: { min: 0, max: 1000 },
  emergencyExitWaitSeconds: { min: 0, max: VAULT_LIMITS.maxEmergencyExitWaitSeconds },
  timelockDelaySeconds: { min: 0, max: 365 * DAY },
  executionWindowSeconds: { min: 60, max: 365 * DAY },
  maxTreasurers: 20,
  /** An admin's reason (suspension, reinstatement, veto) and a REMOVE_MEMBER proposal's. */
  reasonMaxLength: 500,
} as const;

/** Bounds of a proposal's own text and of a ballot's reason. */
export const PROPOSAL_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 2000,
  voteReasonMaxLength: 500,
} as const;

/**
 * What a caller may send: `name` is required, everything else falls back to DAO_DEFAULTS. Typed loosely on
 * purpose where JSON could carry anything, because the validator checks every field at run time.
 */
export type DaoConfigurationInput = {
  readonly [K in Exclude<keyof DaoConfiguration, AddressFields>]?: K extends 'approvalThresholdBps'
    ? Partial<Record<ProposalType, number>>
    : DaoConfiguration[K];
} & {
  readonly name: string;
  /** Founding members, ACTIVE from the start. Addresses arrive as sent and are checked here (EIP-55). */
  readonly founders?: readonly string[];
  readonly treasurers?: readonly string[];
  readonly feeCollector?: string;
  readonly asset?: string;
  readonly safe?: string;
};

type OptionalAddressFields = 'feeCollector' | 'asset' | 'safe';
type AddressFields = 'treasurers' | OptionalAddressFields;
