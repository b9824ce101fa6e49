import type { Hash } from '../shared/hex';
import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { members, poolInput, poolLog } from '../testing/rosca-pool';
import { drawOrder, lotteryCommitment } from './draw-order';
import type { RotatingPoolConfigurationInput } from './rosca-configuration';
import type { RotatingPoolStarted } from './rosca-events';
import { expectRefused } from '../testing/given';

const [m0, m1, m2] = members(3);
const contract = addressOf('pool-contract');
const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

const refused = expectRefused;

const created = (config: RotatingPoolConfigurationInput = {}) => {
  const log = poolLog();
  log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput(config) });
  log.run('RecordRotatingPoolDeployment', { address: contract, txHash: hash(1), blockNumber: 10n });
  return log;
};

const startedOf = (events: readonly { type: string }[]) =>
  events.find((e) => e.type === 'RotatingPoolStarted') as RotatingPoolStarted | undefined;

describe('Rotating pool operation', () => {
  it('records the contract once; the same address again is a no-op, another is refused', () => {
    const log = created();
    expect(log.run('RecordRotatingPoolDeployment', { address: contract, txHash: null, blockNumber: 12n })).toEqual([]);
    refused(() => log.run('RecordRotatingPoolDeployment', { address: m0, txHash: null, blockNumber: 12n }), 'ROSCA.ALREADY_DEPLOYED');
    const state = log.state();
    expect(state.status !== 'ABSENT' && [state.contract, state.contractBlock]).toEqual([contract, 10n]);
  });

  describe('chain-first joins', () => {
    it('holds a signed join until its collateral is pulled, counting it against the capacity', () => {
      const log = created();
      for (const m of [m0, m1, m2]) log.run('RequestToJoinRotatingPool', { member: m, banned: false }, T0, m);
      refused(() => log.run('RequestToJoinRotatingPool', { member: addressOf('late'), banned: false }), 'ROSCA.FULL');
      refused(() => log.run('RequestToJoinRotatingPool', { member: m0, banned: false }), 'ROSCA.JOIN_PENDING');
      log.run('JoinRotatingPool', { member: m0, collateral: 0n });
      const state = log.state();
      expect(state.status === 'FORMING' && [...state.pendingJoins.keys()]).toEqual([m1, m2]);
    });

    it('refuses a member expelled from one of the DAO’s pools, and a commitment outside lottery pools', () => {
      const log = created();
      refused(() => log.run('RequestToJoinRotatingPool', { member: m0, banned: true }), 'ROSCA.BANNED');
      refused(() => log.run('RequestToJoinRotatingPool', { member: m0, banned: false, commitment: hash(2) }), 'ROSCA.NOT_LOTTERY');
    });

    it('lets a join lapse when its collateral cannot be pulled, freeing the place', () => {
      const log = created();
      log.run('RequestToJoinRotatingPool', { member: m0, banned: false });
      expect(log.run('FailRotatingPoolJoin', { member: m0, reason: 'allowance 0' }).map((e) => e.type)).toEqual(['RotatingPoolJoinFailed']);
      expect(log.run('FailRotatingPoolJoin', { member: m0, reason: 'again' })).toEqual([]);
      log.run('RequestToJoinRotatingPool', { member: m0, banned: false });
    });

    it('records the lottery commitment the member signed with their request', () => {
      const log = created({ rotationMethod: 'lottery' });
      const commitment = lotteryCommitment(hash(7), m0);
      log.run('RequestToJoinRotatingPool', { member: m0, banned: false, commitment });
      log.run('JoinRotatingPool', { member: m0, collateral: 0n });
      const state = log.state();
      expect(state.status === 'FORMING' && state.members.get(m0)?.commitment).toBe(commitment);
    });
  });

  describe('consensus order', () => {
    it('starts a full pool once more than half of the members voted for the same order', () => {
      const log = created({ rotationMethod: 'consensus' });
      for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 0n });
      const order = [m2, m0, m1];
      expect(startedOf(log.run('VoteOnRotationOrder', { member: m0, order }, T0, m0))).toBeUndefined();
      expect(startedOf(log.run('VoteOnRotationOrder', { member: m1, order: [m0, m1, m2] }, T0, m1))).toBeUndefined();
      const started = startedOf(log.run('VoteOnRotationOrder', { member: m2, order }, T0, m2));
      expect(started?.data.order).toEqual(order.map((member) => ({ kind: 'recipient', member })));
      expect(started?.data.orderVotes).toBe(2);
    });

    it('refuses an order that misses a member, and a vote from outside the pool', () => {
      const log = created({ rotationMethod: 'consensus' });
      for (const m of [m0, m1]) log.run('JoinRotatingPool', { member: m, collateral: 0n });
      refused(() => log.run('VoteOnRotationOrder', { member: m0, order: [m0] }), 'ROSCA.INVALID_ORDER');
      refused(() => log.run('VoteOnRotationOrder', { member: m2, order: [m0, m1] }), 'ROSCA.NOT_A_MEMBER');
    });

    it('lets the organiser start early only on a majority order', () => {
      const log = created({ rotationMethod: 'consensus' });
      for (const m of [m0, m1]) log.run('JoinRotatingPool', { member: m, collateral: 0n });
      refused(() => log.run('StartRotatingPool', {}), 'ROSCA.NO_ORDER_MAJORITY');
      log.run('VoteOnRotationOrder', { member: m0, order: [m1, m0] });
      log.run('VoteOnRotationOrder', { member: m1, order: [m1, m0] });
      expect(startedOf(log.run('StartRotatingPool', {}))?.data.order).toEqual([m1, m0].map((member) => ({ kind: 'recipient', member })));
    });
  });

  describe('lottery fallback', () => {
    const lotteryPool = () => {
      const log = created({ rotationMethod: 'lottery' });
      const secrets = [hash(11), hash(12), hash(13)];
      [m0, m1, m2].forEach((m, i) =>
        log.run('JoinRotatingPool', { member: m, collateral: 0n, commitment: lotteryCommitment(secrets[i], m) }),
      );
      return { log, secrets };
    };

    it('waits for every secret until the start date, then the organiser draws among those who revealed', () => {
      const { log, secrets } = lotteryPool();
      log.run('RevealLotterySecret', { member: m0, secret: secrets[0] });
      log.run('RevealLotterySecret', { member: m2, secret: secrets[2] });
      refused(() => log.run('StartRotatingPool', {}, at(-DAY)), 'ROSCA.LOTTERY_NOT_REVEALED');
      const started = startedOf(log.run('StartRotatingPool', {}, at(DAY)));
      const draw = started!.data.draw!;
      expect(draw).toEqual({ members: [m0, m2], secrets: [secrets[0], secrets[2]], unrevealed: [m1] });
      const order = started!.data.order.map((s) => (s as { member: string }).member);
      expect(order).toEqual(drawOrder(draw));
      expect(order[2]).toBe(m1);
    });

    it('starts by itself when the last secret is revealed', () => {
      const { log, secrets } = lotteryPool();
      log.run('RevealLotterySecret', { member: m0, secret: secrets[0] });
      log.run('RevealLotterySecret', { member: m1, secret: secrets[1] });
      const started = startedOf(log.run('RevealLotterySecret', { member: m2, secret: secrets[2] }));
      expect(started?.data.draw).toEqual({ members: [m0, m1, m2], secrets });
    });
  });

  describe('a round in operation', () => {
    const running = () => {
      const log = created({ collateralPercent: 0 });
      for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 0n });
      return log;
    };

    it('starts the schedule on a whole second and asks the contract to begin first', () => {
      const log = created();
      for (const m of [m0, m1]) log.run('JoinRotatingPool', { member: m, collateral: 0n });
      log.run('JoinRotatingPool', { member: m2, collateral: 0n }, '2026-01-02T00:00:00.250Z');
      const state = log.state();
      if (state.status !== 'ACTIVE') throw new Error(state.status);
      expect(state.firstDueAt).toBe('2026-01-02T00:00:01.000Z');
      expect(state.effects).toEqual([{ key: 'begin', kind: 'begin', firstDueAt: '2026-01-02T00:00:01.000Z', confirmed: false }]);
    });

    it('announces a round once and marks the unpaid late once, after the due time', () => {
      const log = running();
      expect(log.run('AnnounceRound', { round: 0 }).map((e) => e.type)).toEqual(['RoundAnnounced']);
      expect(log.run('AnnounceRound', { round: 0 })).toEqual([]);
      expect(log.run('MarkContributionsLate', { round: 0 }, at(-1))).toEqual([]);
      log.run('PayContribution', { member: m0, round: 0, amount: 100n });
      const late = log.run('MarkContributionsLate', { round: 0 }, at(60));
      expect(late.map((e) => e.type)).toEqual(['ContributionsLate']);
      expect((late[0].data as unknown as { members: string[] }).members).toEqual([m1, m2]);
      expect(log.run('MarkContributionsLate', { round: 0 }, at(120))).toEqual([]);
    });

    it('takes an early payment request once, for the open round, from a member who owes it', () => {
      const log = running();
      expect(log.run('RequestEarlyPayment', { member: m0, round: 0 }).map((e) => e.type)).toEqual(['EarlyPaymentRequested']);
      expect(log.run('RequestEarlyPayment', { member: m0, round: 0 })).toEqual([]);
      refused(() => log.run('RequestEarlyPayment', { member: m1, round: 1 }), 'ROSCA.WRONG_ROUND');
      log.run('PayContribution', { member: m1, round: 0, amount: 100n });
      refused(() => log.run('RequestEarlyPayment', { member: m1, round: 0 }), 'ROSCA.ALREADY_PAID');
    });

    it('turns a settlement into one settle effect per round, confirmed in log order, with the payments merged per member', () => {
      const log = running();
      for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n });
      log.run('SettleRound', { round: 0 });
      refused(() => log.run('ConfirmRotatingPoolEffect', { key: 'round-0', txHash: hash(3), deferred: [] }), 'ROSCA.EFFECT_OUT_OF_ORDER');
      log.run('ConfirmRotatingPoolEffect', { key: 'begin', txHash: hash(2), deferred: [] });
      const confirmed = log.run('ConfirmRotatingPoolEffect', { key: 'round-0', txHash: hash(3), deferred: [] });
      expect(confirmed[0]).toMatchObject({
        type: 'RotatingPoolEffectConfirmed',
        data: { key: 'round-0', payments: [{ member: m0, amount: 100n }], fee: 0n },
      });
      expect(log.run('ConfirmRotatingPoolEffect', { key: 'round-0', txHash: hash(3), deferred: [] })).toEqual([]);
    });

    it('credits a payment pulled before a pause', () => {
      const log = running();
      log.run('PauseRotatingPool', { reason: 'audit' });
      expect(log.run('PayContribution', { member: m0, round: 0, amount: 100n }).map((e) => e.type)).toEqual(['ContributionPaid']);
    });
  });
});
