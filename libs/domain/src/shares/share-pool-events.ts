import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';
import type { Hash } from '../shared/hex';
import type { Allocation, Contribution } from './crowdfunding-allocation';
import type { DistributionLedger, HoldingDisagreement } from './distribution-ledger';
import type { SharePoolConfiguration } from './share-pool-configuration';

/**
 * Events of a share pool, stream `share-pool-<poolId>`. Shares move chain-first: a request event reserves what
 * it needs and carries a `key` (`<kind>-<n>`, unique in the pool) that the worker's chain call is keyed by; the
 * confirmation (or failure) event names the same key. Shares are whole numbers out of 10,000.
 */
export type SharePoolCreated = Event<
  'SharePoolCreated',
  { readonly poolId: string; readonly configuration: SharePoolConfiguration; readonly createdAt: string; readonly createdBy: string }
>;
/** `operator`: the relayer the contract was deployed with (absent in histories recorded before it was kept). */
export type SharePoolDeployed = Event<
  'SharePoolDeployed',
  {
    readonly address: Address;
    readonly operator?: Address;
    readonly gdaPool: Address;
    readonly txHash: Hash | null;
    readonly blockNumber: bigint;
    readonly deployedAt: string;
  }
>;

/** Buy: `cost` = shares × pricePerShare, pulled from the buyer and paid to the creator by `buy(buyer, shares, key)`. */
export type SharePurchaseRequested = Event<
  'SharePurchaseRequested',
  { readonly key: string; readonly buyer: Address; readonly shares: number; readonly cost: bigint; readonly requestedAt: string }
>;
export type SharesPurchased = Event<
  'SharesPurchased',
  {
    readonly key: string;
    readonly buyer: Address;
    readonly shares: number;
    readonly cost: bigint;
    readonly txHash: Hash;
    readonly purchasedAt: string;
  }
>;

/** Request to join: waits for the creator's decision. */
export type SharePoolJoinRequested = Event<'SharePoolJoinRequested', { readonly member: Address; readonly requestedAt: string }>;
/**
 * The creator approved a request by assigning `shares` to the member through the Safe (`assign(to, shares)`, executed
 * in `txHash`): recorded right after that assignment's SharesAssigned, which moved the shares.
 */
export type JoinRequestApproved = Event<
  'JoinRequestApproved',
  {
    readonly member: Address;
    readonly shares: number;
    readonly txHash: Hash;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }
>;
export type JoinRequestRejected = Event<
  'JoinRequestRejected',
  { readonly member: Address; readonly reason: string; readonly rejectedBy: string; readonly rejectedAt: string }
>;
/** The Safe's `assign(to, shares)` executed: an airdrop, already on chain. */
export type SharesAssigned = Event<
  'SharesAssigned',
  { readonly to: Address; readonly shares: number; readonly txHash: Hash; readonly assignedBy: string; readonly assignedAt: string }
>;

export type ShareCodesGenerated = Event<
  'ShareCodesGenerated',
  {
    readonly codes: readonly { readonly codeHash: Hash; readonly shares: number }[];
    readonly generatedBy: string;
    readonly generatedAt: string;
  }
>;
export type ShareCodesRevoked = Event<
  'ShareCodesRevoked',
  { readonly codeHashes: readonly Hash[]; readonly revokedBy: string; readonly revokedAt: string }
>;
/** A code redeemed: a grant keyed `key` for the worker. */
export type ShareCodeRedeemed = Event<
  'ShareCodeRedeemed',
  { readonly key: string; readonly codeHash: Hash; readonly member: Address; readonly shares: number; readonly redeemedAt: string }
>;

/** `request`: only in histories recorded before approvals became the Safe's assignments. */
export type GrantReason = 'request' | 'code';
/** `grant(to, shares, key)` done on chain, for an approved request or a redeemed code. */
export type SharesGranted = Event<
  'SharesGranted',
  {
    readonly key: string;
    readonly to: Address;
    readonly shares: number;
    readonly via: GrantReason;
    readonly txHash: Hash;
    readonly grantedAt: string;
  }
>;

export type ShareTransferRequested = Event<
  'ShareTransferRequested',
  { readonly key: string; readonly from: Address; readonly to: Address; readonly shares: number; readonly requestedAt: string }
>;
export type SharesTransferred = Event<
  'SharesTransferred',
  {
    readonly key: string;
    readonly from: Address;
    readonly to: Address;
    readonly shares: number;
    readonly txHash: Hash;
    readonly transferredAt: string;
  }
>;

export type ContributionRequested = Event<
  'ContributionRequested',
  { readonly key: string; readonly contributor: Address; readonly amount: bigint; readonly requestedAt: string }
>;
export type ContributionEscrowed = Event<
  'ContributionEscrowed',
  { readonly key: string; readonly contributor: Address; readonly amount: bigint; readonly txHash: Hash; readonly escrowedAt: string }
>;
/** The target was reached: `allocations` (allocateCrowdfunding) became holdings; the escrow (`raised`) went to the creator. */
export type CrowdfundingReached = Event<
  'CrowdfundingReached',
  {
    readonly raised: bigint;
    readonly target: bigint;
    readonly allocations: readonly Allocation[];
    readonly txHash: Hash;
    readonly reachedAt: string;
  }
>;
/** The deadline passed below the target: every contributor got their whole contribution back (`deferred`: held for claim()). */
export type CrowdfundingRefunded = Event<
  'CrowdfundingRefunded',
  {
    readonly raised: bigint;
    readonly target: bigint;
    readonly refunds: readonly Contribution[];
    readonly deferred: readonly Contribution[];
    readonly txHash: Hash;
    readonly refundedAt: string;
  }
>;

export type StakeRequested = Event<
  'StakeRequested',
  { readonly key: string; readonly member: Address; readonly amount: bigint; readonly requestedAt: string }
>;
export type Staked = Event<
  'Staked',
  { readonly key: string; readonly member: Address; readonly amount: bigint; readonly txHash: Hash; readonly stakedAt: string }
>;
export type UnstakeRequested = Event<
  'UnstakeRequested',
  { readonly key: string; readonly member: Address; readonly amount: bigint; readonly requestedAt: string }
>;
export type Unstaked = Event<
  'Unstaked',
  { readonly key: string; readonly member: Address; readonly amount: bigint; readonly txHash: Hash; readonly unstakedAt: string }
>;
/** A staking position was touched at `accruedAt` (a block's time): `shares` granted (stakeAccrual), `carried` kept. */
export type StakeSharesAccrued = Event<
  'StakeSharesAccrued',
  {
    readonly member: Address;
    readonly shares: number;
    readonly carried: bigint;
    readonly seconds: number;
    readonly capped: boolean;
    readonly txHash: Hash;
    readonly accruedAt: string;
  }
>;

/** A pending action the chain refused: what it reserved is free again. */
type Failed<T extends string, D> = Event<T, D & { readonly key: string; readonly reason: string; readonly failedAt: string }>;
export type SharePurchaseFailed = Failed<'SharePurchaseFailed', { readonly buyer: Address }>;
export type ShareGrantFailed = Failed<'ShareGrantFailed', { readonly to: Address; readonly via: GrantReason }>;
export type ShareTransferFailed = Failed<'ShareTransferFailed', { readonly from: Address; readonly to: Address }>;
export type ContributionFailed = Failed<'ContributionFailed', { readonly contributor: Address }>;
export type StakeFailed = Failed<'StakeFailed', { readonly member: Address }>;
export type UnstakeFailed = Failed<'UnstakeFailed', { readonly member: Address }>;

/**
 * The Safe distributed through the GDA: `ledger` is what each holder receives (instant) or their rate (stream), to
 * the wei. `round` opens when the first distribution after a completed round (or the first ever) is recorded; `index`
 * counts distributions in the pool's life.
 * - `holdingsDisagreement` present: the ledger was computed from the GDA pool's units at block `chainBlock` (when the
 *   worker gave it), and these holders' units differed from the log's holdings then (empty: none differed).
 * - absent (events recorded before units were read): the ledger was computed from the log's holdings.
 */
export type DistributionRecorded = Event<
  'DistributionRecorded',
  {
    readonly round: number;
    readonly index: number;
    readonly ledger: DistributionLedger;
    readonly txHash: Hash;
    readonly recordedBy: string;
    readonly recordedAt: string;
    readonly holdingsDisagreement?: readonly HoldingDisagreement[];
    readonly chainBlock?: bigint;
  }
>;
export type DistributionStreamStopped = Event<
  'DistributionStreamStopped',
  { readonly round: number; readonly txHash: Hash; readonly stoppedBy: string; readonly stoppedAt: string }
>;
export type DistributionRoundCompleted = Event<
  'DistributionRoundCompleted',
  { readonly round: number; readonly completedBy: string; readonly completedAt: string }
>;
/** The Safe's `setPaused(true)` executed: the operator's ways in and transfers stop; unstaking, finalizing, claims go on. */
export type SharePoolPaused = Event<'SharePoolPaused', { readonly txHash: Hash; readonly pausedBy: string; readonly pausedAt: string }>;
/** The Safe's `setPaused(false)` executed: ways in and transfers are open again. */
export type SharePoolResumed = Event<'SharePoolResumed', { readonly txHash: Hash; readonly resumedBy: string; readonly resumedAt: string }>;
/**
 * The Safe's `setOperator(operator)` executed: from now on only `operator` may carry out the log's chain calls.
 * `previous`: the operator on record before (null when the history did not record it).
 */
export type SharePoolOperatorChanged = Event<
  'SharePoolOperatorChanged',
  {
    readonly previous: Address | null;
    readonly operator: Address;
    readonly txHash: Hash;
    readonly changedBy: string;
    readonly changedAt: string;
  }
>;
export type SharePoolDeleted = Event<
  'SharePoolDeleted',
  { readonly reason: string; readonly deletedBy: string; readonly deletedAt: string }
>;

export type SharePoolEvent =
  | SharePoolCreated
  | SharePoolDeployed
  | SharePurchaseRequested
  | SharesPurchased
  | SharePurchaseFailed
  | SharePoolJoinRequested
  | JoinRequestApproved
  | JoinRequestRejected
  | SharesAssigned
  | ShareCodesGenerated
  | ShareCodesRevoked
  | ShareCodeRedeemed
  | SharesGranted
  | ShareGrantFailed
  | ShareTransferRequested
  | SharesTransferred
  | ShareTransferFailed
  | ContributionRequested
  | ContributionEscrowed
  | ContributionFailed
  | CrowdfundingReached
  | CrowdfundingRefunded
  | StakeRequested
  | Staked
  | StakeFailed
  | UnstakeRequested
  | Unstaked
  | UnstakeFailed
  | StakeSharesAccrued
  | DistributionRecorded
  | DistributionStreamStopped
  | DistributionRoundCompleted
  | SharePoolPaused
  | SharePoolResumed
  | SharePoolOperatorChanged
  | SharePoolDeleted;
