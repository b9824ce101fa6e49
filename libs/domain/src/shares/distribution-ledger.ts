import type { Address } from '../shared/address';
import { TOTAL_SHARES } from './share-pool-configuration';

const UNITS = BigInt(TOTAL_SHARES);

export interface Holding {
  readonly holder: Address;
  readonly shares: number;
}

/**
 * A holder whose units in the GDA pool at a distribution's block differed from the log's holding (`log`): the chain's
 * units (`chain`) are what the GDA paid by. Typically a share movement done on chain and not yet confirmed in the log.
 */
export interface HoldingDisagreement {
  readonly holder: Address;
  readonly log: number;
  readonly chain: number;
}

export interface HolderPayment extends Holding {
  readonly amount: bigint;
}

export interface HolderRate extends Holding {
  /** Wei per second. */
  readonly rate: bigint;
}

/**
 * What an instant distribution pays, to the wei (GDA semantics, seed 002). The pool has 10,000 units: each
 * holder's units are their shares and the pool's own contract holds the `available` ones. The GDA moves
 * `perUnit × 10,000` where `perUnit = floor(amount / 10,000)`:
 * - each holder receives `perUnit × shares`;
 * - the pool's contract receives `perUnit × available` (`kept`: the unallocated part stays with the pool);
 * - `leftWithDistributor = amount − perUnit × 10,000` (< 10,000 wei) never leaves the distributor (the Safe).
 * So Σ paid + kept + leftWithDistributor = amount exactly.
 */
export interface InstantLedger {
  readonly kind: 'instant';
  readonly amount: bigint;
  readonly perUnit: bigint;
  /** Holders in the order given, those with 0 shares left out. */
  readonly payments: readonly HolderPayment[];
  readonly paid: bigint;
  readonly availableShares: number;
  readonly kept: bigint;
  readonly leftWithDistributor: bigint;
}

/**
 * A streamed distribution's rates (GDA `distributeFlow`): per-unit rate `floor(flowRate / 10,000)`, each holder's
 * rate `perUnitRate × shares`, the pool's own `perUnitRate × available`; the actual flow is `perUnitRate × 10,000`
 * and `flowRate − actual` is never streamed. What a holder received from a stream is its rate × the seconds it ran
 * at that holding (the history accrues it segment by segment).
 */
export interface StreamLedger {
  readonly kind: 'stream';
  readonly flowRate: bigint;
  readonly perUnitRate: bigint;
  readonly rates: readonly HolderRate[];
  readonly paidRate: bigint;
  readonly availableShares: number;
  readonly keptRate: bigint;
  readonly actualFlowRate: bigint;
  readonly notStreamedRate: bigint;
}

export type DistributionLedger = InstantLedger | StreamLedger;

const held = (holdings: readonly Holding[]): Holding[] => {
  const positive = holdings.filter((h) => h.shares > 0);
  const total = positive.reduce((n, h) => n + h.shares, 0);
  if (positive.some((h) => !Number.isSafeInteger(h.shares)) || total > TOTAL_SHARES)
    throw new RangeError(`Holdings must be whole shares summing to at most ${TOTAL_SHARES}, not ${total}`);
  return positive;
};

/** The instant distribution of `amount` over `holdings` (the rest of the 10,000 shares are the pool's). */
export const distributionLedger = (amount: bigint, holdings: readonly Holding[]): InstantLedger => {
  if (amount < 0n) throw new RangeError('A distribution amount cannot be negative');
  const perUnit = amount / UNITS;
  const payments = held(holdings).map((h) => ({ ...h, amount: perUnit * BigInt(h.shares) }));
  const paid = payments.reduce((n, p) => n + p.amount, 0n);
  const availableShares = TOTAL_SHARES - payments.reduce((n, p) => n + p.shares, 0);
  return {
    kind: 'instant',
    amount,
    perUnit,
    payments,
    paid,
    availableShares,
    kept: perUnit * BigInt(availableShares),
    leftWithDistributor: amount - perUnit * UNITS,
  };
};

/** The rates of a streamed distribution of `flowRate` wei per second over `holdings`. */
export const streamLedger = (flowRate: bigint, holdings: readonly Holding[]): StreamLedger => {
  if (flowRate < 0n) throw new RangeError('A flow rate cannot be negative');
  const perUnitRate = flowRate / UNITS;
  const rates = held(holdings).map((h) => ({ ...h, rate: perUnitRate * BigInt(h.shares) }));
  const availableShares = TOTAL_SHARES - rates.reduce((n, r) => n + r.shares, 0);
  return {
    kind: 'stream',
    flowRate,
    perUnitRate,
    rates,
    paidRate: rates.reduce((n, r) => n + r.rate, 0n),
    availableShares,
    keptRate: perUnitRate * BigInt(availableShares),
    actualFlowRate: perUnitRate * UNITS,
    notStreamedRate: flowRate - perUnitRate * UNITS,
  };
};
