import type { Address } from '../shared/address';

export interface Contribution {
  readonly contributor: Address;
  readonly amount: bigint;
}

export interface Allocation extends Contribution {
  readonly shares: number;
}

/**
 * How a crowdfunding that reached its target allocates the pool's available shares. The contract's
 * `finalizeCrowdfunding` implements the same rule; both must agree to the share:
 *
 * 1. Contributions are summed per contributor; contributors are ordered by their FIRST contribution (escrow order),
 *    earliest first. `total` = Σ amounts (> 0).
 * 2. Each contributor i gets `floor(amount_i × available / total)` shares, with remainder
 *    `r_i = (amount_i × available) mod total`.
 * 3. The shares left, `available − Σ floors` (fewer than the number of contributors), go one each to the
 *    contributors with the largest `r_i`; among equal `r_i`, the earlier contributor first.
 * So exactly `available` shares are allocated and each contributor's is within 1 of their exact pro-rata share
 * (floor or floor + 1). A contributor whose exact share is below 1 and who is not among the largest remainders
 * gets 0 shares: their money still went to the creator with the rest (the target was reached), and they remain a
 * contributor. The result lists every contributor, in that order, 0 shares included.
 */
export const allocateCrowdfunding = (contributions: readonly Contribution[], available: number): Allocation[] => {
  if (!Number.isSafeInteger(available) || available < 0) throw new RangeError(`available must be a whole number, not ${available}`);
  const summed = new Map<Address, bigint>();
  for (const { contributor, amount } of contributions) {
    if (amount < 0n) throw new RangeError('A contribution cannot be negative');
    summed.set(contributor, (summed.get(contributor) ?? 0n) + amount);
  }
  const entries = [...summed].map(([contributor, amount]) => ({ contributor, amount }));
  const total = entries.reduce((n, e) => n + e.amount, 0n);
  if (entries.length === 0) return [];
  if (total === 0n) throw new RangeError('Nothing was contributed: there is nothing to allocate in proportion to');
  const pool = BigInt(available);
  const exact = entries.map((e, order) => ({ ...e, order, floor: (e.amount * pool) / total, remainder: (e.amount * pool) % total }));
  let left = pool - exact.reduce((n, e) => n + e.floor, 0n);
  const extra = new Set<number>();
  const byRemainder = [...exact].sort((a, b) => (a.remainder === b.remainder ? a.order - b.order : a.remainder > b.remainder ? -1 : 1));
  for (const e of byRemainder) {
    if (left === 0n) break;
    extra.add(e.order);
    left -= 1n;
  }
  return exact.map((e) => ({ contributor: e.contributor, amount: e.amount, shares: Number(e.floor) + (extra.has(e.order) ? 1 : 0) }));
};
