import { STAKE_RATE_SCALE } from './share-pool-configuration';

export interface StakeAccrualInput {
  /** Token wei staked over the period. */
  readonly amount: bigint;
  /** Whole seconds since the position was last touched. */
  readonly seconds: number;
  /** Shares × 10^36 per token-wei per second (STAKE_RATE_SCALE). */
  readonly ratePerTokenSecond: bigint;
  /** The fraction carried from earlier touches, in shares × 10^36 (below 10^36). */
  readonly carried: bigint;
  /** The most shares that can be granted now: the pool's `available()`. */
  readonly cap: number;
}

export interface StakeAccrual {
  /** Whole shares granted by this touch. */
  readonly shares: number;
  /** The fraction carried to the next touch, shares × 10^36. */
  readonly carried: bigint;
  /** True when the cap cut the accrual: what was earned beyond it is forfeited. */
  readonly capped: boolean;
}

/**
 * What a staking position earned when it is touched (stake, unstake, or `accrue(member)`), the contract's rule:
 * `earned = amount × seconds × ratePerTokenSecond + carried` (shares × 10^36, STAKE_RATE_SCALE);
 * `whole = floor(earned / 10^36)`.
 * - If `whole ≤ cap`: grant `whole` shares and carry `earned mod 10^36`.
 * - If `whole > cap` (the pool has fewer shares available than were earned): grant `cap` shares and carry 0;
 *   the rest is forfeited, since no share is left to give for it.
 * A full unstake keeps the carried fraction for the member's next stake (as the contract's storage does).
 */
export const stakeAccrual = ({ amount, seconds, ratePerTokenSecond, carried, cap }: StakeAccrualInput): StakeAccrual => {
  if (amount < 0n || ratePerTokenSecond < 0n || carried < 0n || !Number.isSafeInteger(seconds) || seconds < 0 || cap < 0)
    throw new RangeError('stakeAccrual takes no negative inputs');
  const earned = amount * BigInt(seconds) * ratePerTokenSecond + carried;
  const whole = earned / STAKE_RATE_SCALE;
  if (whole > BigInt(cap)) return { shares: cap, carried: 0n, capped: true };
  return { shares: Number(whole), carried: earned % STAKE_RATE_SCALE, capped: false };
};
