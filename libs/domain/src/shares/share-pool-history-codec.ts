import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import type { Movement, SharePoolHistory, StatementLine } from './share-pool-history';
import type { SharePoolState } from './share-pool-state';

/**
 * A pool's read-side history as plain data (maps as entry lists; bigints left as they are for the caller's
 * bigint-keeping JSON codec), for a projection to store and restore without refolding the log.
 */
export type StoredSharePoolHistory = Record<string, unknown>;

type Plain = Record<string, unknown>;

const storedState = (state: SharePoolState): Plain => {
  if (state.status === 'ABSENT') return { status: 'ABSENT' };
  return {
    ...state,
    holdings: [...state.holdings],
    pending: [...state.pending.values()],
    joinRequests: [...state.joinRequests],
    codes: [...state.codes],
    crowdfunding: state.crowdfunding && { ...state.crowdfunding, contributions: [...state.crowdfunding.contributions] },
    stakes: [...state.stakes],
  };
};

const restoredState = (plain: Plain): SharePoolState => {
  if (plain.status === 'ABSENT') return { status: 'ABSENT' };
  const crowdfunding = plain.crowdfunding as Plain | null;
  return {
    ...plain,
    holdings: new Map(plain.holdings as [Address, number][]),
    pending: new Map((plain.pending as { key: string }[]).map((p) => [p.key, p])),
    joinRequests: new Map(plain.joinRequests as [Address, unknown][]),
    codes: new Map(plain.codes as [Hash, unknown][]),
    crowdfunding: crowdfunding && { ...crowdfunding, contributions: new Map(crowdfunding.contributions as [Address, bigint][]) },
    stakes: new Map(plain.stakes as [Address, unknown][]),
    // Stored before pauses and operators were kept: a running pool whose operator is not on record.
    paused: plain.paused ?? false,
    operator: plain.operator ?? null,
  } as unknown as SharePoolState;
};

export const storeSharePoolHistory = (history: SharePoolHistory): StoredSharePoolHistory => ({
  state: storedState(history.state),
  distributions: history.distributions,
  statements: [...history.statements],
  movements: [...history.movements],
  keptByPool: history.keptByPool,
  stream: history.stream,
});

export const restoreSharePoolHistory = (stored: StoredSharePoolHistory): SharePoolHistory => ({
  state: restoredState(stored.state as Plain),
  distributions: stored.distributions as SharePoolHistory['distributions'],
  statements: new Map(stored.statements as [Address, StatementLine[]][]),
  movements: new Map(stored.movements as [Address, Movement[]][]),
  keptByPool: stored.keptByPool as bigint,
  stream: stored.stream as SharePoolHistory['stream'],
});
