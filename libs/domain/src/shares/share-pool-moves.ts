import type { Address } from '../shared/address';
import { TOTAL_SHARES } from './share-pool-configuration';
import type { ExistingSharePool, PendingAction } from './share-pool-state';

/** Moves `shares` from the pool's contract (`from` null) or a holder to a holder or back to the contract (`to` null). */
export const moveShares = (state: ExistingSharePool, from: Address | null, to: Address | null, shares: number): ExistingSharePool => {
  const holdings = new Map(state.holdings);
  let available = state.available;
  if (from === null) available -= shares;
  else {
    const left = (holdings.get(from) ?? 0) - shares;
    if (left < 0) throw new Error(`${from} would hold ${left} shares`);
    if (left === 0) holdings.delete(from);
    else holdings.set(from, left);
  }
  if (to === null) available += shares;
  else holdings.set(to, (holdings.get(to) ?? 0) + shares);
  if (available < 0 || available > TOTAL_SHARES) throw new Error(`The pool would hold ${available} shares`);
  const othersHold = [...holdings.keys()].some((h) => h !== state.configuration.creator);
  return { ...state, holdings, available, status: state.status === 'CREATED' && othersHold ? 'ACTIVE' : state.status };
};

export const withPending = (state: ExistingSharePool, action: PendingAction, reserve: number): ExistingSharePool => ({
  ...state,
  pending: new Map(state.pending).set(action.key, action),
  nextKey: state.nextKey + 1,
  reserved: state.reserved + reserve,
});

export const settlePending = <K extends PendingAction['kind']>(
  state: ExistingSharePool,
  key: string,
  kind: K,
  release: (action: Extract<PendingAction, { kind: K }>) => number,
): { readonly state: ExistingSharePool; readonly action: Extract<PendingAction, { kind: K }> } => {
  const action = state.pending.get(key);
  if (!action || action.kind !== kind) throw new Error(`No pending ${kind} ${key}`);
  const pending = new Map(state.pending);
  pending.delete(key);
  const typed = action as Extract<PendingAction, { kind: K }>;
  return { state: { ...state, pending, reserved: state.reserved - release(typed) }, action: typed };
};
