import { addressOf } from '../testing/fixtures';
import { allocateCrowdfunding } from './crowdfunding-allocation';
import { distributionLedger, streamLedger } from './distribution-ledger';
import { STAKE_RATE_SCALE } from './share-pool-configuration';
import { stakeAccrual } from './stake-accrual';

const [p, q, r, s] = ['p', 'q', 'r', 's'].map(addressOf);

describe('allocateCrowdfunding', () => {
  it('floors each share and gives the rest by largest remainder', () =>
    // 7,000 × 1/6 = 1,166.67; × 2/6 = 2,333.33; × 3/6 = 3,500: one share left, to the largest remainder (p).
    expect(
      allocateCrowdfunding(
        [
          { contributor: p, amount: 1n },
          { contributor: q, amount: 2n },
          { contributor: r, amount: 3n },
        ],
        7_000,
      ).map((a) => a.shares),
    ).toEqual([1_167, 2_333, 3_500]));

  it('breaks a tie in favour of the earlier contributor', () =>
    expect(
      allocateCrowdfunding(
        [
          { contributor: p, amount: 1n },
          { contributor: q, amount: 1n },
          { contributor: r, amount: 1n },
        ],
        2,
      ).map((a) => a.shares),
    ).toEqual([1, 1, 0]));

  it('sums a contributor’s contributions, ordering by their first', () =>
    expect(
      allocateCrowdfunding(
        [
          { contributor: q, amount: 1n },
          { contributor: p, amount: 1n },
          { contributor: q, amount: 1n },
        ],
        3,
      ),
    ).toEqual([
      { contributor: q, amount: 2n, shares: 2 },
      { contributor: p, amount: 1n, shares: 1 },
    ]));

  it('can give a small contributor nothing', () =>
    expect(
      allocateCrowdfunding(
        [
          { contributor: p, amount: 1_000_000n },
          { contributor: q, amount: 1n },
        ],
        10,
      ).map((a) => a.shares),
    ).toEqual([10, 0]));
});

describe('distributionLedger', () => {
  it('leaves what does not divide by 10,000 with the distributor', () => {
    const ledger = distributionLedger(1_234_567n, [
      { holder: p, shares: 3_333 },
      { holder: q, shares: 1 },
    ]);
    expect(ledger).toMatchObject({
      perUnit: 123n,
      paid: 123n * 3_334n,
      availableShares: 6_666,
      kept: 123n * 6_666n,
      leftWithDistributor: 4_567n,
    });
    expect(ledger.paid + ledger.kept + ledger.leftWithDistributor).toBe(1_234_567n);
  });

  it('refuses holdings beyond 10,000 shares', () =>
    expect(() => distributionLedger(1n, [{ holder: p, shares: 10_001 }])).toThrow(RangeError));

  it('gives each holder a stream rate of the per-unit rate × shares', () =>
    expect(streamLedger(25_000n, [{ holder: s, shares: 4_000 }])).toMatchObject({
      perUnitRate: 2n,
      rates: [{ holder: s, shares: 4_000, rate: 8_000n }],
      keptRate: 12_000n,
      actualFlowRate: 20_000n,
      notStreamedRate: 5_000n,
    }));
});

describe('stakeAccrual', () => {
  it('grants whole shares and carries the fraction', () =>
    expect(
      stakeAccrual({ amount: 3n, seconds: 5, ratePerTokenSecond: STAKE_RATE_SCALE / 10n, carried: STAKE_RATE_SCALE / 2n, cap: 100 }),
    ).toEqual({
      shares: 2,
      carried: 0n,
      capped: false,
    }));

  it('keeps a fraction below one share for the next touch', () =>
    expect(stakeAccrual({ amount: 1n, seconds: 1, ratePerTokenSecond: 7n, carried: 0n, cap: 10 })).toEqual({
      shares: 0,
      carried: 7n,
      capped: false,
    }));

  it('stops at the cap and forfeits the rest', () =>
    expect(stakeAccrual({ amount: 10n, seconds: 10, ratePerTokenSecond: STAKE_RATE_SCALE, carried: 0n, cap: 42 })).toEqual({
      shares: 42,
      carried: 0n,
      capped: true,
    }));

  it('gives exactly the cap without forfeiting when it is just enough', () =>
    expect(stakeAccrual({ amount: 1n, seconds: 42, ratePerTokenSecond: STAKE_RATE_SCALE, carried: 5n, cap: 42 })).toEqual({
      shares: 42,
      carried: 5n,
      capped: false,
    }));
});
