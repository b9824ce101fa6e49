import { at, DAY, T0 } from '../testing/fixtures';
import { members, poolInput, poolLog, WEEK } from '../testing/rosca-pool';
import type { RotatingPoolConfigurationInput } from './rosca-configuration';
import type { RoscaEvent, RoundSettled } from './rosca-events';
import { poolHeld } from './rosca-state';

const [m0, m1, m2] = members(3);
const pool = (config: RotatingPoolConfigurationInput, collateral = 0n) => {
  const log = poolLog();
  log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput(config) });
  for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral });
  return log;
};
const payAll = (log: ReturnType<typeof poolLog>, round: number, who = [m0, m1, m2]) =>
  who.forEach((m) => log.run('PayContribution', { member: m, round, amount: 100n }, at(round * WEEK - DAY)));
const settledOf = (events: readonly RoscaEvent[]) => events.find((e): e is RoundSettled => e.type === 'RoundSettled');

describe('Rotating pool', () => {
  describe('bidding', () => {
    it('gives the pot to the highest discount whose payout covers its holdback, sharing the discount among the others', () => {
      const log = pool({ rotationMethod: 'bidding', collateralPercent: 100 }, 300n);
      expect(log.state()).toMatchObject({ status: 'ACTIVE', order: [{ kind: 'open' }, { kind: 'open' }, { kind: 'open' }] });
      log.run('PlaceBid', { member: m1, round: 0, discountBps: 1_001 }, T0, m1);
      log.run('PlaceBid', { member: m2, round: 0, discountBps: 500 }, T0, m2);
      payAll(log, 0);
      const settled = settledOf(log.run('SettleRound', { round: 0 }, at(DAY)));
      // 10.01% of 300 = 30 (floor); 15 to each of the two others; no holdback (collateral 300 covers 200).
      expect(settled?.data).toMatchObject({
        recipient: m1,
        discountBps: 1_001,
        discountShares: [
          { member: m0, amount: 15n },
          { member: m2, amount: 15n },
        ],
        holdback: 0n,
        paid: 270n,
      });
    });

    it('passes over a bid whose payout could not hold back what the bidder will owe', () => {
      const log = pool({ rotationMethod: 'bidding' });
      log.run('PlaceBid', { member: m1, round: 0, discountBps: 5_000 }, T0, m1);
      log.run('PlaceBid', { member: m2, round: 0, discountBps: 100 }, T0, m2);
      payAll(log, 0);
      // Without collateral the winner must leave 200 behind: m1's 150 cannot, m2's 297 can. m2's discount, 3,
      // is 1 to each other member and the remainder, 1, stays with m2: 300 − 3 + 1 − 200 = 98.
      expect(settledOf(log.run('SettleRound', { round: 0 }, at(DAY)))?.data).toMatchObject({ recipient: m2, holdback: 200n, paid: 98n });
    });
  });

  describe('strikes', () => {
    it('expels a member on the third round not paid by its grace deadline, slashing what their cover does not owe', () => {
      const log = pool({ collateralPercent: 100 }, 300n);
      const kinds: string[] = [];
      for (let round = 0; round < 3; round++) {
        payAll(log, round, [m0, m1]);
        const events = log.run('SettleRound', { round }, at(round * WEEK + 3 * DAY));
        kinds.push(...events.filter((e) => e.type !== 'RoundSettled').map((e) => e.type));
      }
      expect(kinds).toEqual([
        'ContributionDefaulted',
        'ContributionDefaulted',
        'ContributionDefaulted',
        'RotatingPoolMemberDeparted',
        'RotatingPoolCompleted',
      ]);
      expect(log.state().status).toBe('COMPLETED');
      expect(poolHeld(log.state())).toBe(0n);
    });
  });

  describe('exit after receiving', () => {
    it('keeps what the member still owes in the reserve and returns the rest less the penalty', () => {
      const log = pool({ collateralPercent: 100, earlyExitPenaltyBps: 1_000 }, 300n);
      payAll(log, 0);
      log.run('SettleRound', { round: 0 }, at(DAY));
      const [departed] = log.run('RequestRoscaExit', { member: m0 }, at(2 * DAY), m0);
      // m0 holds 200 of collateral after round 0's release and owes rounds 1 and 2: nothing left to return.
      expect(departed.data).toMatchObject({ toReserve: 200n, returnedNow: 0n, penalty: 0n, refundSlot: null });
      payAll(log, 1, [m1, m2]);
      expect(settledOf(log.run('SettleRound', { round: 1 }, at(WEEK + DAY)))?.data).toMatchObject({
        recipient: m1,
        reserveFill: 100n,
        gross: 300n,
      });
    });
  });
});
