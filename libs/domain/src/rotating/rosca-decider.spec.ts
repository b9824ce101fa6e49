import type { Hash } from '../shared/hex';
import { at, DAY, T0 } from '../testing/fixtures';
import { specFor } from '../testing/given';
import { members, poolInput, poolLog, safe, WEEK } from '../testing/rosca-pool';
import { lotteryCommitment } from './draw-order';
import type { RotatingPoolConfigurationInput } from './rosca-configuration';
import { roscaDecider } from './rosca-decider';
import type { RoundSettled } from './rosca-events';
import { poolHeld } from './rosca-state';
import { expectRefused } from '../testing/given';

const [m0, m1, m2] = members(3);
const started = (config: RotatingPoolConfigurationInput = {}) => {
  const log = poolLog();
  log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput(config) });
  const collateral = (config.collateralPercent as number | undefined)
    ? (100n * 3n * BigInt(config.collateralPercent as number)) / 100n
    : 0n;
  for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral });
  return log;
};
const refused = expectRefused;
const settledOf = (events: readonly { type: string }[]) => events.find((e) => e.type === 'RoundSettled') as RoundSettled;

describe('Rotating pool', () => {
  describe('creation', () => {
    const spec = specFor((_: null) => roscaDecider.initialState(), roscaDecider.decide);
    it('names every invalid field', () =>
      spec
        .given(null)
        .when({
          type: 'CreateRotatingPool',
          data: {
            poolId: 'p',
            ...poolInput({ memberCount: 51, contributionAmount: 0n, rotationMethod: 'raffle', collateralPercent: 101 }),
          },
          metadata: { actor: safe, now: T0 },
        })
        .thenThrows('ROSCA.INVALID_CONFIGURATION', ['memberCount', 'contributionAmount', 'rotationMethod', 'collateralPercent']));
    it('refuses a fee a payout could not hold back from', () =>
      spec
        .given(null)
        .when({
          type: 'CreateRotatingPool',
          data: { poolId: 'p', ...poolInput({ memberCount: 50, platformFeeBps: 1000 }) },
          metadata: { actor: safe, now: T0 },
        })
        .thenThrows('ROSCA.INVALID_CONFIGURATION', ['platformFeeBps']));
  });

  describe('forming', () => {
    it('starts in join order when full', () => {
      const log = started();
      expect(log.state().status).toBe('ACTIVE');
      const start = log.events.find((e) => e.type === 'RotatingPoolStarted');
      expect(start?.data).toMatchObject({ order: [m0, m1, m2].map((member) => ({ kind: 'recipient', member })), firstDueAt: T0 });
    });
    it('refuses a join with the wrong collateral, naming the field', () => {
      const log = poolLog();
      log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput({ collateralPercent: 50 }) });
      refused(() => log.run('JoinRotatingPool', { member: m0, collateral: 1n }), 'ROSCA.WRONG_COLLATERAL');
    });
    it('lets only the Safe start early', () => {
      const log = poolLog();
      log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput({ memberCount: 5 }) });
      log.run('JoinRotatingPool', { member: m0, collateral: 0n });
      log.run('JoinRotatingPool', { member: m1, collateral: 0n });
      refused(() => log.run('StartRotatingPool', {}, T0, m0), 'ROSCA.NOT_ORGANISER');
      log.run('StartRotatingPool', {});
      expect(log.state()).toMatchObject({ status: 'ACTIVE', rounds: 2 });
    });
    it('draws a lottery order from the reveals and records the inputs', () => {
      const log = poolLog();
      log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput({ rotationMethod: 'lottery' }) });
      const secret = (i: number): Hash => `0x${String(i + 1).repeat(64)}`;
      const join = (m: typeof m0, i: number) =>
        log.run('JoinRotatingPool', { member: m, collateral: 0n, commitment: lotteryCommitment(secret(i), m) });
      join(m0, 0);
      // Reveals wait until every commitment is in, so the last to join cannot pick a secret against them.
      refused(() => log.run('RevealLotterySecret', { member: m0, secret: secret(0) }), 'ROSCA.NOT_FULL');
      join(m1, 1);
      join(m2, 2);
      refused(() => log.run('RevealLotterySecret', { member: m0, secret: secret(1) }), 'ROSCA.REVEAL_MISMATCH');
      [m0, m1, m2].forEach((m, i) => log.run('RevealLotterySecret', { member: m, secret: secret(i) }));
      const start = log.events.find((e) => e.type === 'RotatingPoolStarted');
      expect(start?.data).toMatchObject({ draw: { members: [m0, m1, m2], secrets: [secret(0), secret(1), secret(2)] } });
    });
  });

  describe('rounds', () => {
    it('pays the pot less the fee to the recipient, holding back what collateral does not cover', () => {
      const log = started({ platformFeeBps: 100 });
      for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n }, at(-DAY));
      const settled = settledOf(log.run('SettleRound', { round: 0 }, at(DAY)));
      expect(settled.data).toMatchObject({ recipient: m0, gross: 300n, fee: 3n, holdback: 200n, paid: 97n });
    });
    it('charges nothing within grace, a penalty after it, and refuses a wrong amount naming the field', () => {
      const log = started({ gracePeriodSeconds: DAY });
      log.run('PayContribution', { member: m0, round: 0, amount: 100n }, at(DAY));
      refused(() => log.run('PayContribution', { member: m1, round: 0, amount: 100n }, at(DAY + 1)), 'ROSCA.WRONG_AMOUNT', 'amount');
      const [paid] = log.run('PayContribution', { member: m1, round: 0, amount: 105n }, at(DAY + 1));
      expect(paid.data).toMatchObject({ penalty: 5n, timing: 'after-grace', strike: 1 });
    });
    it('covers a default from the collateral, and the next recipient gets the full pot', () => {
      const log = started({ collateralPercent: 100 });
      log.run('PayContribution', { member: m0, round: 0, amount: 100n }, T0);
      log.run('PayContribution', { member: m1, round: 0, amount: 100n }, T0);
      const events = log.run('SettleRound', { round: 0 }, at(3 * DAY));
      expect(events[0]).toMatchObject({ type: 'ContributionDefaulted', data: { member: m2, fromCollateral: 100n, strike: 1 } });
      expect(settledOf(events).data).toMatchObject({ gross: 300n, paid: 300n });
    });
    it('refunds a member who exits before receiving in a refund round, and the rest still get full pots', () => {
      const log = started();
      for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n }, T0);
      log.run('SettleRound', { round: 0 }, at(DAY));
      log.run('RequestRoscaExit', { member: m1 }, at(DAY));
      log.run('PayContribution', { member: m0, round: 1, amount: 100n }, at(WEEK));
      log.run('PayContribution', { member: m2, round: 1, amount: 100n }, at(WEEK));
      expect(settledOf(log.run('SettleRound', { round: 1 }, at(WEEK + DAY))).data).toMatchObject({
        kind: 'refund',
        recipient: m1,
        paid: 90n,
        toReserve: 110n,
      });
      log.run('PayContribution', { member: m0, round: 2, amount: 100n }, at(2 * WEEK));
      log.run('PayContribution', { member: m2, round: 2, amount: 100n }, at(2 * WEEK));
      const last = log.run('SettleRound', { round: 2 }, at(2 * WEEK + DAY));
      expect(settledOf(last).data).toMatchObject({ kind: 'payout', recipient: m2, gross: 310n, paid: 310n });
      expect(last.at(-1)?.type).toBe('RotatingPoolCompleted');
      expect(poolHeld(log.state())).toBe(0n);
    });
  });

  describe('emergency', () => {
    it('pauses, and a majority dissolves with refunds summing to the balance', () => {
      const log = started({ collateralPercent: 50 });
      log.run('PayContribution', { member: m0, round: 0, amount: 100n }, T0);
      refused(() => log.run('PauseRotatingPool', { reason: 'x' }, T0, m0), 'ROSCA.NOT_ORGANISER');
      log.run('PauseRotatingPool', { reason: 'organiser review' });
      // A pull mined before the pause is still the member's money in the pool: it is credited.
      log.run('PayContribution', { member: m1, round: 0, amount: 100n });
      refused(() => log.run('PlaceBid', { member: m2, round: 0, discountBps: 10 }), 'ROSCA.NOT_ACTIVE');
      log.run('VoteToDissolve', { member: m0 });
      const balance = poolHeld(log.state());
      const [, dissolved] = log.run('VoteToDissolve', { member: m1 });
      expect(dissolved.type).toBe('RotatingPoolDissolved');
      if (dissolved.type !== 'RotatingPoolDissolved') return;
      expect(dissolved.data.refunds.reduce((n, r) => n + r.amount, 0n)).toBe(balance);
      expect(log.state().status).toBe('DISSOLVED');
    });
  });
});
