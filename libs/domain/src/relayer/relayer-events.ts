import type { Event } from '../shared/decider';

/** What both balance events say: the relayer, its balance when it was read, and the floor it was held to. */
interface RelayerBalanceData {
  readonly chainId: number;
  readonly relayer: string;
  /** Native balance in wei. */
  readonly balance: bigint;
  /** RELAYER_MIN_BALANCE in wei. */
  readonly floor: bigint;
  readonly observedAt: string;
}

/**
 * Stream `relayer-<chainId>-<address>`: the balance of the account that pays every DAO's transactions on a
 * chain, recorded only when it crosses the floor (one event per crossing, not one per reading). Written by the
 * worker from its balance check; every DAO's admins hear of it through the notification outbox.
 */
export type RelayerBalanceLow = Event<'RelayerBalanceLow', RelayerBalanceData>;
export type RelayerBalanceRestored = Event<'RelayerBalanceRestored', RelayerBalanceData>;

export type RelayerEvent = RelayerBalanceLow | RelayerBalanceRestored;

export interface RelayerState {
  readonly low: boolean;
  /** Floor crossings recorded so far: names the next one (its idempotency key). */
  readonly crossings: number;
}

export const initialRelayerState = (): RelayerState => ({ low: false, crossings: 0 });

export const evolveRelayer = (state: RelayerState, event: RelayerEvent): RelayerState => ({
  low: event.type === 'RelayerBalanceLow',
  crossings: state.crossings + 1,
});

/** A reading of the relayer's balance; the decision is pure, so the time comes with it. */
export interface RelayerBalanceReading {
  readonly chainId: number;
  readonly relayer: string;
  readonly balance: bigint;
  readonly floor: bigint;
  readonly observedAt: string;
}

/**
 * The event a reading adds: `RelayerBalanceLow` when the balance falls below the floor, `RelayerBalanceRestored`
 * when it is back at or above it, nothing while it stays on the same side.
 */
export const noteRelayerBalance = (reading: RelayerBalanceReading, state: RelayerState): RelayerEvent[] => {
  const below = reading.balance < reading.floor;
  if (below === state.low) return [];
  const data = { ...reading };
  return [below ? { type: 'RelayerBalanceLow', data } : { type: 'RelayerBalanceRestored', data }];
};
