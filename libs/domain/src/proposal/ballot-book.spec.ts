import type { Address } from '../shared/address';
import { BallotBook } from './ballot-book';
import type { Ballot } from './proposal-state';
import type { VoteChoice } from './tally';

const voter = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
const ballot = (choice: VoteChoice, weight = 1n): Ballot => ({ choice, weight });

/** What a book must read as: a Map set in the same order. */
const asMap = (book: ReadonlyMap<Address, Ballot>) => new Map(book);

describe('BallotBook', () => {
  it('reads like a Map set in the same order, a changed ballot keeping its voter in place', () => {
    const steps: [number, VoteChoice][] = [
      [1, 'for'],
      [2, 'against'],
      [1, 'abstain'],
      [3, 'for'],
      [2, 'for'],
    ];
    let book = BallotBook.EMPTY;
    const map = new Map<Address, Ballot>();
    for (const [n, choice] of steps) {
      book = book.with(voter(n), ballot(choice));
      map.set(voter(n), ballot(choice));
      expect(asMap(book)).toEqual(map);
      expect(book.size).toBe(map.size);
      expect([...book.keys()]).toEqual([...map.keys()]);
    }
    expect(book.get(voter(1))).toEqual(ballot('abstain'));
    expect(book.has(voter(4))).toBe(false);
    expect(book.get(voter(4))).toBeUndefined();
  });

  it('leaves every earlier version as it was', () => {
    const empty = BallotBook.EMPTY;
    const one = empty.with(voter(1), ballot('for'));
    const two = one.with(voter(2), ballot('against'));
    const changed = two.with(voter(1), ballot('abstain'));
    expect(empty.size).toBe(0);
    expect(asMap(one)).toEqual(new Map([[voter(1), ballot('for')]]));
    expect(asMap(two)).toEqual(
      new Map([
        [voter(1), ballot('for')],
        [voter(2), ballot('against')],
      ]),
    );
    expect(changed.get(voter(1))).toEqual(ballot('abstain'));
    expect(two.get(voter(1))).toEqual(ballot('for'));
  });

  it('extends an older version on a line of its own (a decision retried from an earlier state)', () => {
    const base = BallotBook.EMPTY.with(voter(1), ballot('for'));
    const ahead = base.with(voter(2), ballot('against'));
    const branch = base.with(voter(3), ballot('abstain'));
    expect(asMap(ahead)).toEqual(
      new Map([
        [voter(1), ballot('for')],
        [voter(2), ballot('against')],
      ]),
    );
    expect(asMap(branch)).toEqual(
      new Map([
        [voter(1), ballot('for')],
        [voter(3), ballot('abstain')],
      ]),
    );
    expect(ahead.with(voter(4), ballot('for')).size).toBe(3);
    expect(branch.with(voter(2), ballot('for')).size).toBe(3);
    expect(base.size).toBe(1);
  });

  it('holds the ballots of a 100,000-voter proposal, each added to the newest version', () => {
    let book = BallotBook.EMPTY;
    for (let n = 0; n < 100_000; n++) book = book.with(voter(n), ballot('for'));
    expect(book.size).toBe(100_000);
    expect(book.get(voter(99_999))).toEqual(ballot('for'));
  });

  it('takes the step its line already took next without a line of its own (a vote folded to check early close, then again)', () => {
    let book = BallotBook.EMPTY;
    for (let n = 0; n < 10_000; n++) {
      const checked = book.with(voter(n), ballot(n % 2 ? 'for' : 'against'));
      book = book.with(voter(n), ballot(n % 2 ? 'for' : 'against'));
      expect(book.size).toBe(checked.size);
    }
    expect(asMap(book)).toEqual(new Map(Array.from({ length: 10_000 }, (_, n) => [voter(n), ballot(n % 2 ? 'for' : 'against')])));
    // A different step from the same version still branches, leaving the line as it was.
    const base = BallotBook.EMPTY.with(voter(1), ballot('for'));
    const ahead = base.with(voter(2), ballot('for'));
    const heavier = base.with(voter(2), ballot('for', 2n));
    const other = base.with(voter(2), ballot('against'));
    expect(ahead.get(voter(2))).toEqual(ballot('for'));
    expect(heavier.get(voter(2))).toEqual(ballot('for', 2n));
    expect(other.get(voter(2))).toEqual(ballot('against'));
    expect(asMap(ahead.with(voter(3), ballot('for')))).toEqual(
      new Map([
        [voter(1), ballot('for')],
        [voter(2), ballot('for')],
        [voter(3), ballot('for')],
      ]),
    );
    expect(asMap(base.with(voter(2), ballot('for')))).toEqual(asMap(ahead));
  });

  it('equals another book of the same ballots in the same order, and not one in another order', () => {
    const a = BallotBook.of([
      [voter(1), ballot('for')],
      [voter(2), ballot('against')],
    ]);
    const b = BallotBook.EMPTY.with(voter(1), ballot('against')).with(voter(2), ballot('against')).with(voter(1), ballot('for'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(BallotBook.of([...b].reverse()));
  });
});
