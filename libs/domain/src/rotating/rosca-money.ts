import type { Address } from '../shared/address';
import { LATE_PERIOD_SECONDS, type RotatingPoolConfiguration } from './rosca-configuration';

/**
 * The pool's money rules, pure and in the token's smallest unit. Every division rounds down (floor); each
 * function says where its remainder goes, so tokens in = tokens out + fees + held holds to the wei.
 */
const BPS = 10_000n;

/** Collateral a member locks: contribution × memberCount × percent / 100, floor (the member keeps the remainder). */
export const collateralFor = (
  config: Pick<RotatingPoolConfiguration, 'contributionAmount' | 'memberCount' | 'collateralPercent'>,
): bigint => (config.contributionAmount * BigInt(config.memberCount) * BigInt(config.collateralPercent)) / 100n;

/**
 * The seed's calculatePenalty: nothing up to the end of the grace period; after it, penaltyRate bps of the
 * contribution per started late period (a week). Counting started periods (not whole ones, as the seed's
 * integer division does) is what makes "5% the first week" true. Floor: the member keeps the remainder.
 */
export const latePenalty = (
  config: Pick<RotatingPoolConfiguration, 'contributionAmount' | 'gracePeriodSeconds' | 'penaltyRateBps'>,
  dueAt: string,
  paidAt: string,
): bigint => {
  const secondsLate = Math.floor((Date.parse(paidAt) - Date.parse(dueAt)) / 1000);
  if (secondsLate <= config.gracePeriodSeconds) return 0n;
  const periods = BigInt(Math.ceil((secondsLate - config.gracePeriodSeconds) / LATE_PERIOD_SECONDS));
  return (config.contributionAmount * BigInt(config.penaltyRateBps) * periods) / BPS;
};

/** `amount × bps / 10000`, floor; the remainder stays with whoever `amount` belongs to. */
export const bpsOf = (amount: bigint, bps: number | bigint): bigint => (amount * BigInt(bps)) / BPS;

/**
 * What must stay in the pool for a member who has received the pot: their contributions still to come.
 * The holdback is what their collateral does not cover of it, taken from their payout (never more than
 * the payout: bids that would need more are not eligible, and the validator refuses fees that could).
 */
export const holdbackFor = (remainingContributions: bigint, collateral: bigint): bigint =>
  remainingContributions > collateral ? remainingContributions - collateral : 0n;

/** What a received member's cover can release once `stillOwed` is all it must back: held-back first, then collateral. */
export const releasable = (
  stillOwed: bigint,
  collateral: bigint,
  heldBack: bigint,
): { readonly fromHoldback: bigint; readonly fromCollateral: bigint } => {
  const excess = collateral + heldBack - stillOwed;
  if (excess <= 0n) return { fromHoldback: 0n, fromCollateral: 0n };
  const fromHoldback = excess < heldBack ? excess : heldBack;
  return { fromHoldback, fromCollateral: excess - fromHoldback };
};

/**
 * A bid's discount is shared equally among the other members; floor per share, and the remainder of the
 * split stays in the winner's payout (so the winner gives up at most the discount they bid).
 */
export const splitDiscount = (
  discount: bigint,
  others: readonly Address[],
): { readonly shares: readonly { readonly member: Address; readonly amount: bigint }[]; readonly remainder: bigint } => {
  if (others.length === 0 || discount === 0n) return { shares: [], remainder: discount };
  const share = discount / BigInt(others.length);
  return { shares: others.map((member) => ({ member, amount: share })), remainder: discount - share * BigInt(others.length) };
};

export interface DissolutionInput {
  /** Everything the pool holds. */
  readonly balance: bigint;
  /** Members who received the pot: what they hold in the pool (collateral + held back) and what they still owe. */
  readonly received: readonly { readonly member: Address; readonly holdings: bigint; readonly owed: bigint }[];
  /** Members (or departed members awaiting a refund) who have not received: what they put in and are owed. */
  readonly claimants: readonly { readonly member: Address; readonly claim: bigint }[];
  /** Who takes the balance when no one has a claim (the organiser: the DAO's Safe). */
  readonly fallback: Address;
}

/**
 * Dissolution refunds, summing exactly to the balance. A received member gets back what they hold beyond
 * what they still owe; everything else is shared among those who have not received, pro rata to what they
 * put in (their paid contributions and collateral) — so their refunds are what they paid in, net of what
 * received members could not cover. Floor per claimant; the remainder goes to the largest claim (first in
 * the list on a tie). With no claim at all, the rest goes to `fallback`.
 */
export const dissolutionRefunds = (input: DissolutionInput): readonly { readonly member: Address; readonly amount: bigint }[] => {
  const refunds = new Map<Address, bigint>();
  const add = (member: Address, amount: bigint) => refunds.set(member, (refunds.get(member) ?? 0n) + amount);
  let rest = input.balance;
  for (const { member, holdings, owed } of input.received) {
    const back = holdings > owed ? holdings - owed : 0n;
    add(member, back);
    rest -= back;
  }
  const total = input.claimants.reduce((sum, c) => sum + c.claim, 0n);
  if (total === 0n) {
    if (rest > 0n) add(input.fallback, rest);
  } else {
    let given = 0n;
    let largest = input.claimants[0];
    for (const claimant of input.claimants) {
      const amount = (rest * claimant.claim) / total;
      add(claimant.member, amount);
      given += amount;
      if (claimant.claim > largest.claim) largest = claimant;
    }
    add(largest.member, rest - given);
  }
  return [...refunds].map(([member, amount]) => ({ member, amount }));
};
