import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { collateralFor, dissolutionRefunds, holdbackFor, latePenalty, releasable, splitDiscount } from './rosca-money';

const config = { contributionAmount: 1_000n, gracePeriodSeconds: 2 * DAY, penaltyRateBps: 500 };
const [a, b, c] = ['a', 'b', 'c'].map(addressOf);

describe('rotating pool money', () => {
  describe('latePenalty (the seed calculatePenalty, started weeks)', () => {
    it('is nothing on time or within the grace period', () => {
      expect(latePenalty(config, T0, at(-1))).toBe(0n);
      expect(latePenalty(config, T0, at(2 * DAY))).toBe(0n);
    });
    it('is 5% in the first week after grace, 10% in the second', () => {
      expect(latePenalty(config, T0, at(2 * DAY + 1))).toBe(50n);
      expect(latePenalty(config, T0, at(9 * DAY))).toBe(50n);
      expect(latePenalty(config, T0, at(9 * DAY + 1))).toBe(100n);
    });
    it('rounds down', () => expect(latePenalty({ ...config, contributionAmount: 39n }, T0, at(3 * DAY))).toBe(1n));
  });

  it('collateral is the percentage of the total pot, floor', () =>
    expect(collateralFor({ contributionAmount: 33n, memberCount: 3, collateralPercent: 50 })).toBe(49n));

  describe('holdback', () => {
    it('holds back what collateral does not cover of the remaining contributions', () => expect(holdbackFor(900n, 500n)).toBe(400n));
    it('holds nothing back when collateral covers it', () => expect(holdbackFor(400n, 500n)).toBe(0n));
    it('releases the excess over what is still owed, held-back payout first', () => {
      expect(releasable(300n, 500n, 100n)).toEqual({ fromHoldback: 100n, fromCollateral: 200n });
      expect(releasable(550n, 500n, 100n)).toEqual({ fromHoldback: 50n, fromCollateral: 0n });
      expect(releasable(600n, 500n, 100n)).toEqual({ fromHoldback: 0n, fromCollateral: 0n });
    });
  });

  it('shares a discount equally among the others; the remainder stays with the winner', () =>
    expect(splitDiscount(101n, [a, b])).toEqual({
      shares: [
        { member: a, amount: 50n },
        { member: b, amount: 50n },
      ],
      remainder: 1n,
    }));

  describe('dissolutionRefunds', () => {
    it('returns received members what they hold beyond what they owe, the rest pro rata to what others put in', () => {
      const refunds = dissolutionRefunds({
        balance: 1_000n,
        received: [{ member: a, holdings: 500n, owed: 300n }],
        claimants: [
          { member: b, claim: 300n },
          { member: c, claim: 600n },
        ],
        fallback: a,
      });
      expect(refunds).toEqual([
        { member: a, amount: 200n },
        { member: b, amount: 266n },
        { member: c, amount: 534n },
      ]);
      expect(refunds.reduce((n, r) => n + r.amount, 0n)).toBe(1_000n);
    });
    it('gives the balance to the fallback when nobody has a claim', () =>
      expect(dissolutionRefunds({ balance: 7n, received: [], claimants: [], fallback: c })).toEqual([{ member: c, amount: 7n }]));
  });
});
