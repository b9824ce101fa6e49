import type { Address } from '../shared/address';
import type { DrawInputs } from './draw-order';
import { settlementKey } from './rosca-effects';
import type { ContributionTiming, RoscaEvent } from './rosca-events';
import { evolveRosca } from './evolve-rosca';
import { dueAtOf, initialRoscaState, poolHeld, type ContributionStatus, type RoscaState } from './rosca-state';

/**
 * The read side of a rotating pool: the domain state plus what the state forgets once a round is over
 * (every round's contributions, each settlement, the transactions that carried the chain effects). The
 * worker's projection and the API's `asOf` reads fold the same events with this one function, so a view
 * read from the tables and a view folded from the log cannot disagree.
 */
export interface ContributionEntry {
  readonly round: number;
  readonly member: Address;
  readonly status: ContributionStatus;
  /** The contribution credited (paid, or taken from the member's cover on a default); 0 while pending. */
  readonly amount: bigint;
  readonly penalty: bigint;
  readonly timing: ContributionTiming | null;
  readonly paidAt: string | null;
}

export interface SettlementEntry {
  readonly round: number;
  readonly kind: 'payout' | 'refund';
  readonly recipient: Address;
  readonly gross: bigint;
  readonly fee: bigint;
  readonly paid: bigint;
  readonly discountBps: number;
  readonly yieldEarned: bigint;
  readonly settledAt: string;
}

export interface EffectConfirmation {
  readonly key: string;
  readonly txHash: string;
  readonly confirmedAt: string;
  /** What the chain paid beyond the decision (a dissolution's share of unrecognised yield; negative: a loss). */
  readonly surplus: bigint;
}

export interface RoscaHistory {
  readonly state: RoscaState;
  readonly createdAt: string | null;
  /** Lottery pools: the draw's inputs, so anyone recomputes the order (drawOrder). */
  readonly draw: DrawInputs | null;
  /** Consensus pools: the votes the adopted order had. */
  readonly adoptedOrderVotes: number | null;
  /** Keyed `round:member`. */
  readonly contributions: ReadonlyMap<string, ContributionEntry>;
  readonly settlements: ReadonlyMap<number, SettlementEntry>;
  readonly confirmations: ReadonlyMap<string, EffectConfirmation>;
  /** Late penalties paid with contributions, over the pool's life. */
  readonly penaltiesCollected: bigint;
}

/** One round of the schedule: planned from the order until it settles, then what the settlement did. */
export interface RoundEntry {
  readonly round: number;
  /** `payout` to a named recipient, `open` (bidding: the best bid takes it), `refund` of a member who left. */
  readonly kind: 'payout' | 'open' | 'refund';
  readonly recipient: Address | null;
  readonly dueAt: string;
  readonly settledAt: string | null;
  readonly gross: bigint | null;
  readonly fee: bigint | null;
  readonly paid: bigint | null;
  readonly discountBps: number | null;
  readonly yieldEarned: bigint | null;
  readonly txHash: string | null;
}

export const contributionKey = (round: number, member: Address): string => `${round}:${member}`;

export const initialRoscaHistory = (): RoscaHistory => ({
  state: initialRoscaState(),
  createdAt: null,
  draw: null,
  adoptedOrderVotes: null,
  contributions: new Map(),
  settlements: new Map(),
  confirmations: new Map(),
  penaltiesCollected: 0n,
});

/** The current round's statuses as the state has them; payment details from the event that made them. */
const syncContributions = (history: RoscaHistory, state: RoscaState, event: RoscaEvent): ReadonlyMap<string, ContributionEntry> => {
  if (state.status === 'ABSENT' || state.status === 'FORMING') return history.contributions;
  // A settlement opens the next round: the settled round's entries were final before it.
  const round = state.round;
  // The last settlement opens a round past the end, which never runs.
  if (round.index >= state.rounds) return history.contributions;
  let next: Map<string, ContributionEntry> | null = null;
  for (const [member, status] of round.contributions) {
    const key = contributionKey(round.index, member);
    const before = history.contributions.get(key);
    let entry: ContributionEntry = before ?? {
      round: round.index,
      member,
      status,
      amount: 0n,
      penalty: 0n,
      timing: null,
      paidAt: null,
    };
    if (entry.status !== status) entry = { ...entry, status };
    if (event.type === 'ContributionPaid' && event.data.member === member && event.data.round === round.index)
      entry = { ...entry, amount: event.data.amount, penalty: event.data.penalty, timing: event.data.timing, paidAt: event.data.paidAt };
    if (event.type === 'ContributionDefaulted' && event.data.member === member && event.data.round === round.index)
      entry = { ...entry, amount: event.data.fromCollateral + event.data.fromHoldback };
    if (entry !== before) (next ??= new Map(history.contributions)).set(key, entry);
  }
  return next ?? history.contributions;
};

/** Folds one event into the read-side history (the state with the domain's own evolve). */
export const evolveRoscaHistory = (history: RoscaHistory, event: RoscaEvent): RoscaHistory => {
  const state = evolveRosca(history.state, event);
  let next: RoscaHistory = { ...history, state, contributions: syncContributions(history, state, event) };
  switch (event.type) {
    case 'RotatingPoolCreated':
      next = { ...next, createdAt: event.data.createdAt };
      break;
    case 'RotatingPoolStarted':
      next = { ...next, draw: event.data.draw, adoptedOrderVotes: event.data.orderVotes };
      break;
    case 'ContributionPaid':
      next = { ...next, penaltiesCollected: next.penaltiesCollected + event.data.penalty };
      break;
    case 'RoundSettled': {
      const d = event.data;
      const entry: SettlementEntry = {
        round: d.round,
        kind: d.kind,
        recipient: d.recipient,
        gross: d.gross,
        fee: d.fee,
        paid: d.paid,
        discountBps: d.discountBps,
        yieldEarned: d.yieldEarned,
        settledAt: d.settledAt,
      };
      next = { ...next, settlements: new Map(next.settlements).set(d.round, entry) };
      break;
    }
    case 'RotatingPoolEffectConfirmed': {
      const { key, txHash, confirmedAt } = event.data;
      const surplus = event.data.surplus ?? 0n;
      next = { ...next, confirmations: new Map(next.confirmations).set(key, { key, txHash, confirmedAt, surplus }) };
      break;
    }
    default:
      break;
  }
  return next;
};

/** Every round of a started pool, in order: settled rounds as settled, the others as the order plans them. */
export const roundEntries = (history: RoscaHistory): RoundEntry[] => {
  const { state } = history;
  if (state.status === 'ABSENT' || state.status === 'FORMING') return [];
  return state.order.map((slot, round): RoundEntry => {
    const settled = history.settlements.get(round);
    const planned = {
      kind: slot.kind === 'recipient' ? ('payout' as const) : slot.kind,
      recipient: slot.kind === 'open' ? null : slot.member,
    };
    return {
      round,
      kind: settled?.kind ?? planned.kind,
      recipient: settled?.recipient ?? planned.recipient,
      dueAt: dueAtOf(state, round),
      settledAt: settled?.settledAt ?? null,
      gross: settled?.gross ?? null,
      fee: settled?.fee ?? null,
      paid: settled?.paid ?? null,
      discountBps: settled?.discountBps ?? null,
      yieldEarned: settled?.yieldEarned ?? null,
      txHash: history.confirmations.get(settlementKey(round))?.txHash ?? null,
    };
  });
};

/** The seed's transparency figures that are sums over the pool's life, in the token's smallest unit. */
export interface RoscaTotals {
  /** Contributions credited (paid, or covered on a default) plus late penalties collected. */
  readonly totalVolume: bigint;
  readonly yieldEarned: bigint;
  readonly fees: bigint;
  /** What the pool holds now (collateral, held-back payouts, the open round's money, the reserve). */
  readonly held: bigint;
}

export const roscaTotals = (history: RoscaHistory): RoscaTotals => {
  const { state } = history;
  if (state.status === 'ABSENT') return { totalVolume: 0n, yieldEarned: 0n, fees: 0n, held: 0n };
  let contributed = 0n;
  for (const m of state.members.values()) contributed += m.contributed;
  // The yield settlements recognised, and what the chain paid beyond (or below) the log's decisions: the
  // dissolution's share of yield not recognised yet, or a strategy's loss.
  let yieldEarned = 0n;
  for (const s of history.settlements.values()) yieldEarned += s.yieldEarned;
  for (const c of history.confirmations.values()) yieldEarned += c.surplus ?? 0n;
  return { totalVolume: contributed + history.penaltiesCollected, yieldEarned, fees: state.ledger.fees, held: poolHeld(state) };
};
