import type { Address } from '../shared/address';
import type { MemberAmount, RotatingPoolDissolved, RotatingPoolMemberDeparted, RotatingPoolStarted, RoundSettled } from './rosca-events';

/**
 * What the log decided that the pool's contract must do, in log order. The worker performs each once
 * (keyed by `key` on chain as well as in its ledger) and records RotatingPoolEffectConfirmed; money out is
 * log-first, so a crash between the decision and the transaction leaves an effect to do, never a second one.
 * - `begin`: the schedule starts (the contract prices late payments from `firstDueAt`);
 * - `settle`: round `round`'s payments (recipient, discount shares, released cover), the platform fee and the
 *   strategy's yield the settlement recognised (the contract checks it holds that much beyond its principal);
 * - `release`: what a departing member gets back at once;
 * - `dissolve`: the dissolution refunds, which the contract checks add up to its principal and scales to what it
 *   holds (sharing yield not recognised yet, or a loss, pro rata); the confirmation records what it paid.
 */
export type ChainEffect =
  | { readonly key: 'begin'; readonly kind: 'begin'; readonly firstDueAt: string; readonly confirmed: boolean }
  | {
      readonly key: string;
      readonly kind: 'settle';
      readonly round: number;
      readonly payments: readonly MemberAmount[];
      readonly fee: bigint;
      readonly yieldEarned: bigint;
      readonly confirmed: boolean;
    }
  | {
      readonly key: string;
      readonly kind: 'release';
      readonly member: Address;
      readonly payments: readonly MemberAmount[];
      readonly confirmed: boolean;
    }
  | { readonly key: 'dissolution'; readonly kind: 'dissolve'; readonly payments: readonly MemberAmount[]; readonly confirmed: boolean };

export const settlementKey = (round: number): string => `round-${round}`;
export const departureKey = (member: Address): string => `departure-${member}`;

/** Sums amounts per member in first-seen order, leaving out zeros: one transfer per member. */
export const mergePayments = (lists: readonly (readonly MemberAmount[])[]): MemberAmount[] => {
  const sums = new Map<Address, bigint>();
  for (const list of lists) for (const { member, amount } of list) sums.set(member, (sums.get(member) ?? 0n) + amount);
  return [...sums].filter(([, amount]) => amount > 0n).map(([member, amount]) => ({ member, amount }));
};

export const beginEffect = (event: RotatingPoolStarted): ChainEffect => ({
  key: 'begin',
  kind: 'begin',
  firstDueAt: event.data.firstDueAt,
  confirmed: false,
});

export const settleEffect = ({ data }: RoundSettled): ChainEffect => ({
  key: settlementKey(data.round),
  kind: 'settle',
  round: data.round,
  payments: mergePayments([
    [{ member: data.recipient, amount: data.paid }],
    data.discountShares,
    data.releases.map((r) => ({ member: r.member, amount: r.fromHoldback + r.fromCollateral })),
  ]),
  fee: data.fee,
  yieldEarned: data.yieldEarned,
  confirmed: false,
});

/** Null when the member gets nothing back now (an expulsion, or a refund that waits for its round). */
export const releaseEffect = ({ data }: RotatingPoolMemberDeparted): ChainEffect | null =>
  data.returnedNow > 0n
    ? {
        key: departureKey(data.member),
        kind: 'release',
        member: data.member,
        payments: [{ member: data.member, amount: data.returnedNow }],
        confirmed: false,
      }
    : null;

export const dissolveEffect = ({ data }: RotatingPoolDissolved): ChainEffect => ({
  key: 'dissolution',
  kind: 'dissolve',
  payments: mergePayments([data.refunds]),
  confirmed: false,
});

/** The first effect not yet confirmed: effects run in log order (rounds settle in order on chain). */
export const nextEffect = (effects: readonly ChainEffect[]): ChainEffect | null => effects.find((e) => !e.confirmed) ?? null;
