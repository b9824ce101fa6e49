import type { Address } from '../shared/address';
import type { ContributionEntry, EffectConfirmation, RoscaHistory, SettlementEntry } from './rosca-history';
import { contributionKey } from './rosca-history';
import type { RoscaState } from './rosca-state';

/**
 * A pool's read-side history as plain data (maps and sets as entry lists, bigints left as they are for the
 * caller's bigint-keeping JSON codec): what `rm_rosca_pools.fold_state` stores. Contributions are left out:
 * they have their own table (`rm_rosca_contributions`), which is where `restoreRoscaHistory` takes them from.
 */
export type StoredRoscaHistory = Record<string, unknown>;

type Plain = Record<string, unknown>;

const storedState = (state: RoscaState): Plain => {
  if (state.status === 'ABSENT') return { status: 'ABSENT' };
  const base: Plain = {
    ...state,
    members: [...state.members.values()],
    pendingJoins: [...state.pendingJoins],
    orderVotes: [...state.orderVotes],
  };
  if (state.status === 'FORMING') return base;
  return {
    ...base,
    dissolutionVotes: [...state.dissolutionVotes],
    round: {
      ...state.round,
      contributions: [...state.round.contributions],
      bids: [...state.round.bids],
      earlyRequests: [...state.round.earlyRequests],
    },
  };
};

const restoredState = (plain: Plain): RoscaState => {
  if (plain.status === 'ABSENT') return { status: 'ABSENT' };
  const members = plain.members as { address: Address }[];
  const base = {
    ...plain,
    members: new Map(members.map((m) => [m.address, m])),
    pendingJoins: new Map(plain.pendingJoins as [Address, unknown][]),
    orderVotes: new Map(plain.orderVotes as [Address, unknown][]),
  };
  if (plain.status === 'FORMING') return base as unknown as RoscaState;
  const round = plain.round as Plain;
  return {
    ...base,
    dissolutionVotes: new Set(plain.dissolutionVotes as Address[]),
    round: {
      ...round,
      contributions: new Map(round.contributions as [Address, unknown][]),
      bids: new Map(round.bids as [Address, unknown][]),
      earlyRequests: new Set(round.earlyRequests as Address[]),
    },
  } as unknown as RoscaState;
};

export const storeRoscaHistory = (history: RoscaHistory): StoredRoscaHistory => ({
  state: storedState(history.state),
  createdAt: history.createdAt,
  draw: history.draw,
  adoptedOrderVotes: history.adoptedOrderVotes,
  settlements: [...history.settlements.values()],
  confirmations: [...history.confirmations.values()],
  penaltiesCollected: history.penaltiesCollected,
});

/** The history `storeRoscaHistory` stored, with the contributions read from their table. */
export const restoreRoscaHistory = (stored: StoredRoscaHistory, contributions: readonly ContributionEntry[]): RoscaHistory => ({
  state: restoredState(stored.state as Plain),
  createdAt: stored.createdAt as string | null,
  draw: stored.draw as RoscaHistory['draw'],
  adoptedOrderVotes: stored.adoptedOrderVotes as number | null,
  contributions: new Map(contributions.map((c) => [contributionKey(c.round, c.member), c])),
  settlements: new Map((stored.settlements as SettlementEntry[]).map((s) => [s.round, s])),
  confirmations: new Map((stored.confirmations as EffectConfirmation[]).map((c) => [c.key, c])),
  penaltiesCollected: stored.penaltiesCollected as bigint,
});
