import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import type { HoldingDisagreement } from './distribution-ledger';
import { evolveSharePool } from './evolve-share-pool';
import { TOTAL_SHARES } from './share-pool-configuration';
import type { SharePoolEvent } from './share-pool-events';
import { initialSharePoolState, type SharePoolState } from './share-pool-state';

/**
 * The read side of a share pool: the domain state plus what a holder's statement needs and the state forgets
 * (every distribution's ledger line, what streams paid while they ran, every change of a holding). The worker's
 * projection and the API's `asOf` reads fold the same events with this one function.
 *
 * Streams are accounted segment by segment: while a stream runs, each event that changes the holdings or the rate
 * first closes the segment since the last one, crediting each holder `perUnitRate × shares × seconds` and the pool's
 * contract `perUnitRate × available × seconds` (GDA semantics at the events' times; the worker records chain times).
 * A stream recorded from the chain's units that differed from the log's holdings (a movement done on chain, not yet
 * confirmed in the log) is credited at the chain's units: the difference is carried with the stream and used up as
 * the log's confirmations catch up with the chain.
 */
export interface StatementLine {
  readonly round: number;
  /** The distribution's index in the pool's life. */
  readonly index: number;
  readonly kind: 'instant' | 'stream';
  /** Instant: the holding it paid; stream: the holding when the line was last credited. */
  readonly shares: number;
  /** Wei received: exact for an instant distribution; for a stream, to `until`. */
  readonly amount: bigint;
  readonly at: string;
  /** Streams: the time the amount is counted to. */
  readonly until: string | null;
  readonly txHash: Hash;
}

export type MovementReason = 'creator' | 'purchase' | 'grant' | 'assignment' | 'transfer' | 'crowdfunding' | 'staking';

export interface Movement {
  /** Shares in (positive) or out (negative). */
  readonly change: number;
  readonly reason: MovementReason;
  readonly counterparty: Address | null;
  readonly at: string;
  readonly txHash: Hash | null;
}

export interface DistributionEntry {
  readonly round: number;
  readonly index: number;
  readonly kind: 'instant' | 'stream';
  /** Instant: the amount; stream: the flow rate (wei per second). */
  readonly amount: bigint;
  /** Instant: paid to holders, kept by the pool, left with the distributor; stream: the same as rates. */
  readonly paid: bigint;
  readonly kept: bigint;
  readonly leftWithDistributor: bigint;
  readonly at: string;
  readonly stoppedAt: string | null;
  readonly txHash: Hash;
  /** Recorded from the chain's units: the holders whose units differed from the log's holdings (see DistributionRecorded). */
  readonly holdingsDisagreement?: readonly HoldingDisagreement[];
}

/** Units the chain has beyond the log's holding (negative: fewer), not yet confirmed in the log. */
export interface UnitsAhead {
  readonly holder: Address;
  readonly shares: number;
}

export interface OpenStream {
  readonly round: number;
  readonly index: number;
  readonly perUnitRate: bigint;
  readonly since: string;
  readonly txHash: Hash;
  /** Where the chain's units, as last read at a distribution, were ahead of the log's holdings. */
  readonly unitsAhead?: readonly UnitsAhead[];
}

export interface SharePoolHistory {
  readonly state: SharePoolState;
  readonly distributions: readonly DistributionEntry[];
  readonly statements: ReadonlyMap<Address, readonly StatementLine[]>;
  readonly movements: ReadonlyMap<Address, readonly Movement[]>;
  /** What the pool's own contract received from distributions (its available units), to the last event. */
  readonly keptByPool: bigint;
  readonly stream: OpenStream | null;
}

export const initialSharePoolHistory = (): SharePoolHistory => ({
  state: initialSharePoolState(),
  distributions: [],
  statements: new Map(),
  movements: new Map(),
  keptByPool: 0n,
  stream: null,
});

/** When an event happened, by its own time field. */
export const eventTime = (event: SharePoolEvent): string => {
  const times = Object.entries(event.data).filter(([k, v]) => k.endsWith('At') && typeof v === 'string');
  if (times.length !== 1) throw new Error(`${event.type} has no single time`);
  return times[0][1] as string;
};

const seconds = (from: string, to: string): bigint => BigInt(Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000)));

const withLine = (statements: ReadonlyMap<Address, readonly StatementLine[]>, holder: Address, line: StatementLine) => {
  const lines = statements.get(holder) ?? [];
  const at = lines.findIndex((l) => l.kind === 'stream' && line.kind === 'stream' && l.index === line.index);
  const next = at < 0 ? [...lines, line] : lines.map((l, i) => (i === at ? { ...line, amount: l.amount + line.amount, at: l.at } : l));
  return new Map(statements).set(holder, next);
};

/** The units a stream pays by: the log's holdings with what the chain is ahead of them, and the pool's own rest. */
const streamUnits = (holdings: ReadonlyMap<Address, number>, ahead: readonly UnitsAhead[] = []) => {
  const units = new Map(holdings);
  for (const a of ahead) units.set(a.holder, (units.get(a.holder) ?? 0) + a.shares);
  const paid = [...units].filter(([, shares]) => shares > 0);
  return { paid, available: TOTAL_SHARES - paid.reduce((n, [, shares]) => n + shares, 0) };
};

/** Credits the running stream from its last event to `until` at the holdings of `state` (the state before the event). */
const creditStream = (history: SharePoolHistory, until: string): SharePoolHistory => {
  const { stream, state } = history;
  if (!stream || state.status === 'ABSENT') return history;
  const elapsed = seconds(stream.since, until);
  const { paid, available } = streamUnits(state.holdings, stream.unitsAhead);
  let statements = history.statements;
  for (const [holder, shares] of paid) {
    const line: StatementLine = {
      round: stream.round,
      index: stream.index,
      kind: 'stream',
      shares,
      amount: stream.perUnitRate * BigInt(shares) * elapsed,
      at: stream.since,
      until,
      txHash: stream.txHash,
    };
    statements = withLine(statements, holder, line);
  }
  const keptByPool = history.keptByPool + stream.perUnitRate * BigInt(available) * elapsed;
  // An event timed before the segment's start (a chain time read late) credits nothing and moves nothing back.
  const since = Date.parse(until) > Date.parse(stream.since) ? until : stream.since;
  return { ...history, statements, keptByPool, stream: { ...stream, since } };
};

const moved = (
  movements: ReadonlyMap<Address, readonly Movement[]>,
  entries: readonly (readonly [Address, Movement])[],
): ReadonlyMap<Address, readonly Movement[]> => {
  const next = new Map(movements);
  for (const [holder, movement] of entries) next.set(holder, [...(next.get(holder) ?? []), movement]);
  return next;
};

const movementsOf = (event: SharePoolEvent): (readonly [Address, Movement])[] => {
  const at = eventTime(event);
  const into = (holder: Address, change: number, reason: MovementReason, txHash: Hash | null, counterparty: Address | null = null) =>
    [holder, { change, reason, counterparty, at, txHash }] as const;
  switch (event.type) {
    case 'SharePoolCreated': {
      const { creator, creatorShares } = event.data.configuration;
      return creatorShares > 0 ? [into(creator, creatorShares, 'creator', null)] : [];
    }
    case 'SharesPurchased':
      return [into(event.data.buyer, event.data.shares, 'purchase', event.data.txHash)];
    case 'SharesGranted':
      return [into(event.data.to, event.data.shares, 'grant', event.data.txHash)];
    case 'SharesAssigned':
      return [into(event.data.to, event.data.shares, 'assignment', event.data.txHash)];
    case 'SharesTransferred': {
      const { from, to, shares, txHash } = event.data;
      return [into(from, -shares, 'transfer', txHash, to), into(to, shares, 'transfer', txHash, from)];
    }
    case 'CrowdfundingReached':
      return event.data.allocations
        .filter((a) => a.shares > 0)
        .map((a) => into(a.contributor, a.shares, 'crowdfunding', event.data.txHash));
    case 'StakeSharesAccrued':
      return event.data.shares > 0 ? [into(event.data.member, event.data.shares, 'staking', event.data.txHash)] : [];
    default:
      return [];
  }
};

/**
 * What the chain is still ahead of the log after these movements: a movement in the direction the chain was ahead
 * is the log confirming what the chain did, and uses up as much of the difference.
 */
const caughtUp = (ahead: readonly UnitsAhead[] | undefined, entries: readonly (readonly [Address, Movement])[]) => {
  if (!ahead || ahead.length === 0 || entries.length === 0) return ahead;
  const left = ahead.map((a) => {
    let shares = a.shares;
    for (const [holder, { change }] of entries)
      if (holder === a.holder && Math.sign(change) === Math.sign(shares))
        shares = Math.sign(shares) * Math.max(0, Math.abs(shares) - Math.abs(change));
    return { holder: a.holder, shares };
  });
  return left.filter((a) => a.shares !== 0);
};

/** A distribution's difference between the chain's units and the log's holdings, as units ahead. */
const aheadOf = (disagreement: readonly HoldingDisagreement[]): UnitsAhead[] =>
  disagreement.filter((d) => d.chain !== d.log).map((d) => ({ holder: d.holder, shares: d.chain - d.log }));

/** Folds one event into the read-side history (the state with the domain's own evolve). */
export const evolveSharePoolHistory = (history: SharePoolHistory, event: SharePoolEvent): SharePoolHistory => {
  let next = history.stream ? creditStream(history, eventTime(event)) : history;
  const movements = movementsOf(event);
  next = { ...next, state: evolveSharePool(next.state, event), movements: moved(next.movements, movements) };
  if (next.stream?.unitsAhead) next = { ...next, stream: { ...next.stream, unitsAhead: caughtUp(next.stream.unitsAhead, movements) } };
  if (event.type === 'DistributionRecorded') {
    const { round, index, ledger, txHash, recordedAt, holdingsDisagreement } = event.data;
    const checked = holdingsDisagreement === undefined ? {} : { holdingsDisagreement };
    // Units read from the chain now are the latest word on where it is ahead of the log; an old event says nothing.
    const ahead = holdingsDisagreement === undefined ? undefined : aheadOf(holdingsDisagreement);
    if (ledger.kind === 'instant') {
      let statements = next.statements;
      for (const p of ledger.payments)
        statements = withLine(statements, p.holder, {
          round,
          index,
          kind: 'instant',
          shares: p.shares,
          amount: p.amount,
          at: recordedAt,
          until: null,
          txHash,
        });
      const entry: DistributionEntry = {
        round,
        index,
        kind: 'instant',
        amount: ledger.amount,
        paid: ledger.paid,
        kept: ledger.kept,
        leftWithDistributor: ledger.leftWithDistributor,
        at: recordedAt,
        stoppedAt: null,
        txHash,
        ...checked,
      };
      const stream = next.stream && ahead !== undefined ? { ...next.stream, unitsAhead: ahead } : next.stream;
      return { ...next, statements, stream, keptByPool: next.keptByPool + ledger.kept, distributions: [...next.distributions, entry] };
    }
    // A new rate replaces the running stream (distributeFlow): the old one stops here.
    const distributions = next.distributions.map((d) =>
      d.kind === 'stream' && d.stoppedAt === null ? { ...d, stoppedAt: recordedAt } : d,
    );
    const entry: DistributionEntry = {
      round,
      index,
      kind: 'stream',
      amount: ledger.flowRate,
      paid: ledger.paidRate,
      kept: ledger.keptRate,
      leftWithDistributor: ledger.notStreamedRate,
      at: recordedAt,
      stoppedAt: null,
      txHash,
      ...checked,
    };
    return {
      ...next,
      distributions: [...distributions, entry],
      stream: { round, index, perUnitRate: ledger.perUnitRate, since: recordedAt, txHash, ...(ahead?.length ? { unitsAhead: ahead } : {}) },
    };
  }
  if (event.type === 'DistributionStreamStopped') {
    const at = event.data.stoppedAt;
    const distributions = next.distributions.map((d) => (d.kind === 'stream' && d.stoppedAt === null ? { ...d, stoppedAt: at } : d));
    return { ...next, distributions, stream: null };
  }
  return next;
};

/** A holder's statement as of `asOf`: the lines so far, a running stream credited up to `asOf`. */
export const holderStatement = (history: SharePoolHistory, holder: Address, asOf: string): readonly StatementLine[] => {
  const key = [...history.statements.keys(), ...(history.state.status === 'ABSENT' ? [] : history.state.holdings.keys())].find(
    (a) => a.toLowerCase() === holder.toLowerCase(),
  );
  if (key === undefined) return [];
  const credited = history.stream ? creditStream(history, asOf) : history;
  return credited.statements.get(key) ?? [];
};
