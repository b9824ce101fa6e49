import type { Address } from '../shared/address';
import type { Event } from '../shared/decider';
import type { Hash } from '../shared/hex';
import type { DrawInputs } from './draw-order';
import type { RotatingPoolConfiguration } from './rosca-configuration';

/**
 * A round's slot in the rotation: a named recipient (join order, lottery, manual, consensus), an open slot
 * (bidding: the round's best eligible bid takes it), or the refund of a member who left before receiving.
 */
export type RotationSlot =
  | { readonly kind: 'recipient'; readonly member: Address }
  | { readonly kind: 'open' }
  | { readonly kind: 'refund'; readonly member: Address; readonly amount: bigint };

export interface MemberAmount {
  readonly member: Address;
  readonly amount: bigint;
}

export type RotatingPoolCreated = Event<
  'RotatingPoolCreated',
  { readonly poolId: string; readonly configuration: RotatingPoolConfiguration; readonly createdAt: string; readonly createdBy: string }
>;
/** `collateral` came in with the join; `commitment` is the member's lottery commitment (lottery pools only). */
export type RotatingPoolMemberJoined = Event<
  'RotatingPoolMemberJoined',
  { readonly member: Address; readonly collateral: bigint; readonly commitment: Hash | null; readonly joinedAt: string }
>;
export type LotterySecretRevealed = Event<'LotterySecretRevealed', { readonly member: Address; readonly secret: Hash }>;
/** `draw`: a lottery's inputs, so anyone recomputes `order` with drawOrder. */
export type RotatingPoolStarted = Event<
  'RotatingPoolStarted',
  {
    readonly order: readonly RotationSlot[];
    readonly draw: DrawInputs | null;
    /** Consensus pools: how many members voted for the order that was adopted. */
    readonly orderVotes: number | null;
    readonly firstDueAt: string;
    readonly startedAt: string;
    readonly startedBy: string;
  }
>;

export type ContributionTiming = 'on-time' | 'grace' | 'after-grace';
/** `strike`: the member's strike count after a payment after the grace period, else null. */
export type ContributionPaid = Event<
  'ContributionPaid',
  {
    readonly member: Address;
    readonly round: number;
    readonly amount: bigint;
    readonly penalty: bigint;
    readonly timing: ContributionTiming;
    readonly strike: number | null;
    readonly paidAt: string;
  }
>;
/** Not paid when the round settled: the member's own cover paid it. */
export type ContributionDefaulted = Event<
  'ContributionDefaulted',
  {
    readonly member: Address;
    readonly round: number;
    readonly fromCollateral: bigint;
    readonly fromHoldback: bigint;
    readonly strike: number;
  }
>;

/**
 * A member left: an emergency exit or an expulsion. What they owe the rounds to come moves to the reserve
 * (`toReserve`); `returnedNow` is paid to them at once; `slashed` and the part of `penalty` taken now become
 * the round's income.
 * A member who had not received gets `refundSlot` in a refund round instead of their payout.
 */
export type RotatingPoolMemberDeparted = Event<
  'RotatingPoolMemberDeparted',
  {
    readonly member: Address;
    readonly round: number;
    readonly reason: 'exit' | 'expelled';
    readonly returnedNow: bigint;
    readonly penalty: bigint;
    /** The part of `penalty` taken from a later refund rather than from funds the pool holds now. */
    readonly penaltyFromRefund: bigint;
    readonly slashed: bigint;
    readonly toReserve: bigint;
    readonly refundSlot: bigint | null;
    /** Expelled members may not join the DAO's rotating pools again (enforced where joins are handled). */
    readonly bannedFromDao: boolean;
    readonly departedAt: string;
  }
>;

export type BidPlaced = Event<
  'BidPlaced',
  { readonly member: Address; readonly round: number; readonly discountBps: number; readonly placedAt: string }
>;

export type RoundSettled = Event<
  'RoundSettled',
  {
    readonly round: number;
    readonly kind: 'payout' | 'refund';
    readonly recipient: Address;
    readonly yieldEarned: bigint;
    /** Drawn from the reserve for the contributions of members who left. */
    readonly reserveFill: bigint;
    /** Contributions + fill + income + yield. */
    readonly gross: bigint;
    readonly fee: bigint;
    readonly discountBps: number;
    readonly discountShares: readonly MemberAmount[];
    readonly holdback: bigint;
    readonly paid: bigint;
    /** What a refund round did not need, kept for the rounds to come. */
    readonly toReserve: bigint;
    readonly releases: readonly { readonly member: Address; readonly fromHoldback: bigint; readonly fromCollateral: bigint }[];
    readonly settledAt: string;
  }
>;
export type RotatingPoolCompleted = Event<'RotatingPoolCompleted', { readonly completedAt: string }>;
export type RotatingPoolPaused = Event<
  'RotatingPoolPaused',
  { readonly reason: string; readonly pausedBy: string; readonly pausedAt: string }
>;
export type RotatingPoolResumed = Event<'RotatingPoolResumed', { readonly resumedBy: string; readonly resumedAt: string }>;
export type DissolutionVoted = Event<'DissolutionVoted', { readonly member: Address; readonly votedAt: string }>;
export type RotatingPoolDissolved = Event<
  'RotatingPoolDissolved',
  { readonly balance: bigint; readonly refunds: readonly MemberAmount[]; readonly dissolvedAt: string }
>;

/**
 * The pool's custody contract is on chain: joins can pull collateral from now on. `blockNumber`: a block at or
 * before which the contract did nothing (its deployment's, or the one where it was found); `txHash` is null when
 * it was found on chain rather than seen deployed (a worker that died after sending).
 */
/**
 * `strategy`: the ERC-4626 strategy the contract invests in, fixed at deployment (the DAO vault's at that time);
 * null (or absent, in events recorded before pools invested) = none.
 */
export type RotatingPoolDeployed = Event<
  'RotatingPoolDeployed',
  {
    readonly address: Address;
    readonly txHash: Hash | null;
    readonly blockNumber: bigint;
    readonly strategy?: Address | null;
    readonly deployedAt: string;
  }
>;
/**
 * A signed join, waiting for the worker to pull the member's collateral on chain: joins are chain-first, so a
 * member is recorded as joined (RotatingPoolMemberJoined) only once their collateral is in the pool.
 */
export type RotatingPoolJoinRequested = Event<
  'RotatingPoolJoinRequested',
  { readonly member: Address; readonly commitment: Hash | null; readonly requestedAt: string }
>;
/** The collateral could not be pulled (allowance or balance too low): the request lapses, nothing was taken. */
export type RotatingPoolJoinFailed = Event<
  'RotatingPoolJoinFailed',
  { readonly member: Address; readonly reason: string; readonly failedAt: string }
>;
/** Consensus pools: a member's vote for a rotation order (replaces their earlier vote). */
export type RotationOrderVoted = Event<
  'RotationOrderVoted',
  { readonly member: Address; readonly order: readonly Address[]; readonly votedAt: string }
>;
/** A member asked to pay the open round now, before its due time: the worker pulls it at once. */
export type EarlyPaymentRequested = Event<
  'EarlyPaymentRequested',
  { readonly member: Address; readonly round: number; readonly requestedAt: string }
>;
/** The reminder before a round's due time: who pays, and who receives (null while a bidding round is open). */
export type RoundAnnounced = Event<
  'RoundAnnounced',
  { readonly round: number; readonly dueAt: string; readonly recipient: Address | null; readonly announcedAt: string }
>;
/** The due time passed and these members' contributions could not be collected: they are late. */
export type ContributionsLate = Event<
  'ContributionsLate',
  { readonly round: number; readonly members: readonly Address[]; readonly graceEndsAt: string; readonly markedAt: string }
>;
/**
 * A chain effect the log decided (see rosca-effects.ts) is done on chain: `payments` and `fee` went out in `txHash`
 * (a payment the token refused is held by the contract for its recipient to claim; `deferred` lists those).
 * They are what the chain paid, which differs from the decision by `surplus` (absent = 0): a dissolution shares
 * the strategy's yield the log had not recognised (positive), and a pool whose strategy lost pays what it holds
 * (negative).
 */
export type RotatingPoolEffectConfirmed = Event<
  'RotatingPoolEffectConfirmed',
  {
    readonly key: string;
    readonly txHash: Hash;
    readonly payments: readonly MemberAmount[];
    readonly fee: bigint;
    readonly deferred: readonly MemberAmount[];
    readonly surplus?: bigint;
    readonly confirmedAt: string;
  }
>;

export type RoscaEvent =
  | RotatingPoolCreated
  | RotatingPoolDeployed
  | RotatingPoolJoinRequested
  | RotatingPoolJoinFailed
  | RotationOrderVoted
  | EarlyPaymentRequested
  | RoundAnnounced
  | ContributionsLate
  | RotatingPoolEffectConfirmed
  | RotatingPoolMemberJoined
  | LotterySecretRevealed
  | RotatingPoolStarted
  | ContributionPaid
  | ContributionDefaulted
  | RotatingPoolMemberDeparted
  | BidPlaced
  | RoundSettled
  | RotatingPoolCompleted
  | RotatingPoolPaused
  | RotatingPoolResumed
  | DissolutionVoted
  | RotatingPoolDissolved;
