import { FeesAboveCapError } from '@ayllu/chain';

/** What the relayer may pay per gas, in wei; null means no cap. */
export interface RelayerFeePolicy {
  /** RELAYER_MAX_FEE_GWEI: caps maxFeePerGas (EIP-1559) or gasPrice (a legacy chain). */
  readonly maxFeePerGas: bigint | null;
  /** RELAYER_MAX_PRIORITY_FEE_GWEI: caps the tip (maxPriorityFeePerGas). */
  readonly maxPriorityFeePerGas: bigint | null;
}

export const NO_FEE_CAP: RelayerFeePolicy = { maxFeePerGas: null, maxPriorityFeePerGas: null };

/** The fee fields of one signed transaction. */
export type RelayerFees =
  | { readonly type: 'eip1559'; readonly maxFeePerGas: bigint; readonly maxPriorityFeePerGas: bigint }
  | { readonly type: 'legacy'; readonly gasPrice: bigint };

/** What the node says fees are now: the next block's base fee and a suggested tip, or a gas price (legacy). */
export type FeeMarket =
  | { readonly type: 'eip1559'; readonly baseFeePerGas: bigint; readonly suggestedPriorityFeePerGas: bigint }
  | { readonly type: 'legacy'; readonly gasPrice: bigint };

const min = (a: bigint, b: bigint | null): bigint => (b !== null && b < a ? b : a);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * The fees of a new send. maxFeePerGas leaves room for the base fee to double (six full blocks in a row) so a
 * transaction stays includable while the market moves, but never above the cap; the tip is the node's
 * suggestion, capped, and never above maxFeePerGas. A base fee (or legacy gas price) already above the cap
 * throws `FeesAboveCapError`: a transaction that cannot be included would only block the nonces behind it.
 */
export function feesFor(market: FeeMarket, policy: RelayerFeePolicy): RelayerFees {
  if (market.type === 'legacy') {
    if (policy.maxFeePerGas !== null && market.gasPrice > policy.maxFeePerGas)
      throw new FeesAboveCapError({ network: market.gasPrice, cap: policy.maxFeePerGas, market: 'legacy' });
    return { type: 'legacy', gasPrice: market.gasPrice };
  }
  if (policy.maxFeePerGas !== null && market.baseFeePerGas > policy.maxFeePerGas)
    throw new FeesAboveCapError({ network: market.baseFeePerGas, cap: policy.maxFeePerGas, market: 'eip1559' });
  const tip = min(market.suggestedPriorityFeePerGas, policy.maxPriorityFeePerGas);
  const maxFeePerGas = min(market.baseFeePerGas * 2n + tip, policy.maxFeePerGas);
  return { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas: min(tip, maxFeePerGas) };
}

/**
 * At least +12.5% (and at least 1 wei): what nodes ask of a replacement with the same nonce (geth asks +10%
 * of both fields, others +12.5%), rounded up.
 */
export const bumped = (value: bigint): bigint => value + max(1n, (value + 7n) / 8n);

/**
 * The fees of a replacement for a stuck transaction: each field bumped from what the stuck one paid, or what
 * the market asks now if that is more. Null when the bump would cross the cap: a replacement below the bump
 * is refused by the node as underpriced, so the stuck transaction is left to be mined as it is.
 */
export function replacementFees(previous: RelayerFees, market: FeeMarket, policy: RelayerFeePolicy): RelayerFees | null {
  const cap = policy.maxFeePerGas;
  if (previous.type === 'legacy') {
    const now = market.type === 'legacy' ? market.gasPrice : market.baseFeePerGas + market.suggestedPriorityFeePerGas;
    const floor = bumped(previous.gasPrice);
    if (cap !== null && floor > cap) return null;
    return { type: 'legacy', gasPrice: min(max(floor, now), cap) };
  }
  const fresh =
    market.type === 'eip1559' ? feesForUncapped(market) : { maxFeePerGas: market.gasPrice, maxPriorityFeePerGas: market.gasPrice };
  const tipFloor = bumped(previous.maxPriorityFeePerGas);
  const feeFloor = bumped(previous.maxFeePerGas);
  if (policy.maxPriorityFeePerGas !== null && tipFloor > policy.maxPriorityFeePerGas) return null;
  if (cap !== null && feeFloor > cap) return null;
  const maxFeePerGas = min(max(feeFloor, fresh.maxFeePerGas), cap);
  const maxPriorityFeePerGas = min(min(max(tipFloor, fresh.maxPriorityFeePerGas), policy.maxPriorityFeePerGas), maxFeePerGas);
  if (maxPriorityFeePerGas < tipFloor) return null;
  return { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas };
}

const feesForUncapped = (market: Extract<FeeMarket, { type: 'eip1559' }>) => ({
  maxFeePerGas: market.baseFeePerGas * 2n + market.suggestedPriorityFeePerGas,
  maxPriorityFeePerGas: market.suggestedPriorityFeePerGas,
});
