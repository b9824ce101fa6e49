import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import type { GrantReason } from './share-pool-events';
import { TOTAL_SHARES, type SharePoolConfiguration } from './share-pool-configuration';

/** A chain call the log decided and the worker has yet to make (or to report), by its key. */
export type PendingAction =
  | { readonly kind: 'purchase'; readonly key: string; readonly buyer: Address; readonly shares: number; readonly cost: bigint }
  | {
      readonly kind: 'grant';
      readonly key: string;
      readonly to: Address;
      readonly shares: number;
      readonly via: GrantReason;
      readonly codeHash: Hash | null;
    }
  | { readonly kind: 'transfer'; readonly key: string; readonly from: Address; readonly to: Address; readonly shares: number }
  | { readonly kind: 'contribution'; readonly key: string; readonly contributor: Address; readonly amount: bigint }
  | { readonly kind: 'stake'; readonly key: string; readonly member: Address; readonly amount: bigint }
  | { readonly kind: 'unstake'; readonly key: string; readonly member: Address; readonly amount: bigint };

export type PendingKind = PendingAction['kind'];

export interface ShareCode {
  readonly shares: number;
  readonly status: 'outstanding' | 'redeeming' | 'redeemed' | 'revoked';
  readonly redeemedBy: Address | null;
}

export interface Crowdfunding {
  /** Escrowed contributions per contributor, in the order of their first escrowed contribution. */
  readonly contributions: ReadonlyMap<Address, bigint>;
  readonly raised: bigint;
  readonly outcome: 'reached' | 'refunded' | null;
}

/** A member's staking position; one whose tokens were all unstaked stays while it carries a fraction of a share. */
export interface StakePosition {
  readonly amount: bigint;
  /** When the position was last touched (a block's time): accrual runs from here. */
  readonly since: string;
  /** Shares × 10^36 carried between touches (STAKE_RATE_SCALE). */
  readonly carried: bigint;
}

export interface DistributionRound {
  readonly index: number;
  readonly distributions: number;
  readonly stream: { readonly flowRate: bigint; readonly perUnitRate: bigint; readonly startedAt: string } | null;
  readonly completed: boolean;
}

export interface SharePoolRecord {
  readonly poolId: string;
  readonly configuration: SharePoolConfiguration;
  readonly createdAt: string;
  readonly contract: Address | null;
  readonly gdaPool: Address | null;
  readonly contractBlock: bigint | null;
  /** Holders with more than 0 shares, by checksummed address, in the order they first held. */
  readonly holdings: ReadonlyMap<Address, number>;
  /**
   * Shares the pool's contract holds (`available()` on chain). Kept as its own count, never derived from the
   * holdings, so Σ holdings + available = 10,000 is a real check (sharesConserved).
   */
  readonly available: number;
  /** Of `available`, what pending purchases and grants and outstanding codes have promised. */
  readonly reserved: number;
  readonly pending: ReadonlyMap<string, PendingAction>;
  /** The next key's number: keys are `<kind>-<n>`, n counting up from 0 across kinds. */
  readonly nextKey: number;
  readonly joinRequests: ReadonlyMap<Address, { readonly requestedAt: string }>;
  readonly codes: ReadonlyMap<Hash, ShareCode>;
  readonly crowdfunding: Crowdfunding | null;
  readonly stakes: ReadonlyMap<Address, StakePosition>;
  /** The latest distribution round, null before the first distribution. */
  readonly round: DistributionRound | null;
  readonly distributions: number;
  /** Purchase-token wei paid to the creator by purchases and a reached crowdfunding. */
  readonly proceeds: bigint;
  readonly deleted: { readonly reason: string; readonly deletedAt: string } | null;
  /** The Safe paused the contract (`setPaused(true)`): the operator's ways in and transfers are refused until it resumes. */
  readonly paused: boolean;
  /** The account the contract lets carry out operator calls; null when the history did not record it (the deploying relayer). */
  readonly operator: Address | null;
}

/**
 * CREATED: no shares beyond the creator's; ACTIVE: others hold shares; DISTRIBUTING: a round is open (instant
 * distributions whose claims may be pending, or a stream running); COMPLETED: the latest round was completed (the
 * next distribution opens a new round). Soft deletion is the `deleted` flag on any of them.
 */
export type SharePoolStatus = 'CREATED' | 'ACTIVE' | 'DISTRIBUTING' | 'COMPLETED';

export type SharePoolState = { readonly status: 'ABSENT' } | (SharePoolRecord & { readonly status: SharePoolStatus });
export type ExistingSharePool = Exclude<SharePoolState, { status: 'ABSENT' }>;

export const initialSharePoolState = (): SharePoolState => ({ status: 'ABSENT' });

/** Shares of `holder` (any case), 0 when none. */
export const sharesOf = (state: SharePoolRecord, holder: Address): number => state.holdings.get(holder) ?? 0;

/** Shares no pending action or outstanding code has promised: what a new way in can take. */
export const unreserved = (state: SharePoolRecord): number => state.available - state.reserved;

/** Σ holdings + available = 10,000 and nothing is negative: the pool's share invariant. */
export const sharesConserved = (state: SharePoolState): boolean => {
  if (state.status === 'ABSENT') return true;
  let held = 0;
  for (const shares of state.holdings.values()) {
    if (!Number.isSafeInteger(shares) || shares <= 0) return false;
    held += shares;
  }
  return state.available >= 0 && held + state.available === TOTAL_SHARES;
};

/** Shares a holder has promised to pending transfers. */
export const outgoingShares = (state: SharePoolRecord, holder: Address): number => {
  let out = 0;
  for (const p of state.pending.values()) if (p.kind === 'transfer' && p.from === holder) out += p.shares;
  return out;
};

/** True while `member` has tokens staked (a fully unstaked position may remain for its carried fraction). */
export const isStaking = (state: SharePoolRecord, member: Address): boolean => (state.stakes.get(member)?.amount ?? 0n) > 0n;

/** Tokens of a position promised to pending unstakes. */
export const unstaking = (state: SharePoolRecord, member: Address): bigint => {
  let out = 0n;
  for (const p of state.pending.values()) if (p.kind === 'unstake' && p.member === member) out += p.amount;
  return out;
};

/**
 * Participants, as maxParticipants counts them: holders (the creator too, while they hold shares, as the contract's
 * `holders()` does), anyone with shares on the way (a pending purchase, grant or transfer to them), contributors of
 * an open crowdfunding and stakers (escrowed, staked, or on the way).
 */
export const participants = (state: SharePoolRecord): Set<Address> => {
  const all = new Set<Address>(state.holdings.keys());
  for (const p of state.pending.values()) {
    if (p.kind === 'purchase') all.add(p.buyer);
    if (p.kind === 'grant' || p.kind === 'transfer') all.add(p.to);
    if (p.kind === 'contribution') all.add(p.contributor);
    if (p.kind === 'stake') all.add(p.member);
  }
  if (state.crowdfunding && state.crowdfunding.outcome === null) for (const c of state.crowdfunding.contributions.keys()) all.add(c);
  for (const [member, position] of state.stakes) if (position.amount > 0n) all.add(member);
  return all;
};
