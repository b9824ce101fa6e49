import type { Address } from '../shared/address';
import type { Ballot } from './proposal-state';

/** The entries every version of one book shares: appended to, never changed. */
interface Shared {
  readonly cast: { readonly voter: Address; readonly ballot: Ballot }[];
  /** For each voter, the positions in `cast` of their ballots, ascending; the map's order is first appearance. */
  readonly positions: Map<Address, number[]>;
  /** `distinct[i]`: how many voters had a ballot after the first i + 1 entries. */
  readonly distinct: number[];
}

/**
 * A proposal's ballots by voter, as a persistent map: `with` answers a new book and leaves this one as it was, in
 * constant time when this book is the newest of its line (a proposal's state is folded forward, ballot after
 * ballot) or when the step is the one its line already took next, by a copy only when an older version is extended
 * with another ballot (a decision retried from an earlier state). A
 * `Map` copied per ballot made every vote of a 100,000-voter proposal cost a walk over all the ballots before it.
 *
 * Reads as a `ReadonlyMap` in the order voters first voted, like a `Map` whose entries were set in that order.
 */
export class BallotBook implements ReadonlyMap<Address, Ballot> {
  readonly #shared: Shared;
  /** This version sees the first `#length` entries of `#shared.cast`. */
  readonly #length: number;

  private constructor(shared: Shared, length: number) {
    this.#shared = shared;
    this.#length = length;
  }

  static readonly EMPTY: BallotBook = new BallotBook({ cast: [], positions: new Map(), distinct: [] }, 0);

  /** A book holding these ballots, in this order (as read back from storage). */
  static of(entries: Iterable<readonly [Address, Ballot]>): BallotBook {
    let book = BallotBook.EMPTY;
    for (const [voter, ballot] of entries) book = book.with(voter, ballot);
    return book;
  }

  /** This book with `voter`'s ballot set to `ballot` (replacing theirs, if any). */
  with(voter: Address, ballot: Ballot): BallotBook {
    // The same step taken again from this version (a decision that folds its vote to check early close, then the
    // command runner folding it once more) is the version its line already holds: no copy.
    const following = this.#shared.cast[this.#length];
    if (following && following.voter === voter && following.ballot.choice === ballot.choice && following.ballot.weight === ballot.weight)
      return new BallotBook(this.#shared, this.#length + 1);
    const shared = this.#length === this.#shared.cast.length ? this.#shared : this.#copy();
    const positions = shared.positions.get(voter);
    if (positions) positions.push(shared.cast.length);
    else shared.positions.set(voter, [shared.cast.length]);
    shared.cast.push({ voter, ballot });
    shared.distinct.push((shared.distinct.at(-1) ?? 0) + (positions ? 0 : 1));
    return new BallotBook(shared, shared.cast.length);
  }

  get size(): number {
    return this.#length === 0 ? 0 : this.#shared.distinct[this.#length - 1];
  }

  get(voter: Address): Ballot | undefined {
    const positions = this.#shared.positions.get(voter);
    if (!positions) return undefined;
    for (let i = positions.length - 1; i >= 0; i--) if (positions[i] < this.#length) return this.#shared.cast[positions[i]].ballot;
    return undefined;
  }

  has(voter: Address): boolean {
    const first = this.#shared.positions.get(voter)?.[0];
    return first !== undefined && first < this.#length;
  }

  *entries(): MapIterator<[Address, Ballot]> {
    for (const [voter, positions] of this.#shared.positions) if (positions[0] < this.#length) yield [voter, this.get(voter)!];
  }

  *keys(): MapIterator<Address> {
    for (const [voter] of this.entries()) yield voter;
  }

  *values(): MapIterator<Ballot> {
    for (const [, ballot] of this.entries()) yield ballot;
  }

  [Symbol.iterator](): MapIterator<[Address, Ballot]> {
    return this.entries();
  }

  forEach(callback: (ballot: Ballot, voter: Address, map: ReadonlyMap<Address, Ballot>) => void, thisArg?: unknown): void {
    for (const [voter, ballot] of this.entries()) callback.call(thisArg, ballot, voter, this);
  }

  /** This version's ballots in a line of its own (an older version is being extended). */
  #copy(): Shared {
    const shared: Shared = { cast: [], positions: new Map(), distinct: [] };
    for (const [voter, ballot] of this.entries()) {
      shared.positions.set(voter, [shared.cast.length]);
      shared.cast.push({ voter, ballot });
      shared.distinct.push(shared.cast.length);
    }
    return shared;
  }
}

/** The ballots as a book: itself when it is one, else a book of its entries (a state built some other way). */
export const ballotBookOf = (ballots: ReadonlyMap<Address, Ballot>): BallotBook =>
  ballots instanceof BallotBook ? ballots : BallotBook.of(ballots);
