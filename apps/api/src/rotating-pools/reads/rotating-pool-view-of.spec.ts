import {
  drawOrder,
  evolveRoscaHistory,
  lotteryCommitment,
  initialRoscaHistory,
  restoreRoscaHistory,
  storeRoscaHistory,
  type Hash,
  type RoscaEvent,
  type RoscaHistory,
  type StoredRoscaHistory,
} from '@ayllu/domain';
import { decodeJson, encodeJson } from '@ayllu/event-store';
import { at, DAY } from '../../../../../libs/domain/src/testing/fixtures';
import { members, poolInput, poolLog, WEEK } from '../../../../../libs/domain/src/testing/rosca-pool';
import { poolMemberViewOf } from './rotating-pool-member-view-of';
import { poolViewOf, type PoolHistory } from './rotating-pool-view-of';

const [m0, m1, m2] = members(3);
const fold = (events: readonly RoscaEvent[]) => events.reduce(evolveRoscaHistory, initialRoscaHistory()) as PoolHistory;
/** What the API reads back from the read model: the stored history through JSON, contributions from their rows. */
const throughReadModel = (history: RoscaHistory) =>
  restoreRoscaHistory(decodeJson(encodeJson(storeRoscaHistory(history))) as StoredRoscaHistory, [
    ...history.contributions.values(),
  ]) as PoolHistory;

describe('Rotating pool views', () => {
  it('are the same folded from the log and restored from the read model, at every step', () => {
    const log = poolLog();
    log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput({ collateralPercent: 50 }) });
    for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 150n }, at(-DAY), m);
    log.run('PayContribution', { member: m0, round: 0, amount: 100n }, at(0), m0);
    log.run('PayContribution', { member: m1, round: 0, amount: 100n }, at(DAY), m1);
    log.run('PayContribution', { member: m2, round: 0, amount: 105n }, at(3 * DAY), m2);
    log.run('SettleRound', { round: 0 }, at(3 * DAY));
    log.run('RequestRoscaExit', { member: m2 }, at(WEEK - DAY), m2);
    for (let i = 1; i <= log.events.length; i++) {
      const history = fold(log.events.slice(0, i));
      expect(poolViewOf(throughReadModel(history))).toEqual(poolViewOf(history));
      for (const m of [m0, m1, m2])
        expect(poolMemberViewOf(throughReadModel(history), m, at(WEEK))).toEqual(poolMemberViewOf(history, m, at(WEEK)));
    }
    const view = poolViewOf(fold(log.events));
    // m2 left before receiving: their slot became a refund of what they paid in, less the exit penalty.
    expect(view.schedule.map((r) => [r.round, r.kind, r.recipient, r.state])).toEqual([
      [0, 'payout', m0, 'settled'],
      [1, 'refund', m2, 'open'],
      [2, 'payout', m1, 'upcoming'],
    ]);
    expect(view.members.find((m) => m.address === m2)).toMatchObject({ departed: 'exit', collateral: '0' });
    expect(view.dashboard).toMatchObject({ paymentsOnTime: 2, paymentsDecided: 3, onTimePaymentRateBps: 6666, totalVolume: '305' });
    expect(view.contributions.slice(0, 3).map((c) => [c.member, c.status, c.timing, c.penalty])).toEqual([
      [m0, 'PAID', 'on-time', '0'],
      [m1, 'PAID', 'grace', '0'],
      [m2, 'LATE', 'after-grace', '5'],
    ]);
  });

  it('tells a member what is due, the penalty if paid now, and their payout slot', () => {
    const log = poolLog();
    log.run('CreateRotatingPool', { poolId: 'p2', ...poolInput({ gracePeriodSeconds: DAY, penaltyRateBps: 500 }) });
    for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 0n }, at(-DAY), m);
    const history = fold(log.events);
    const onTime = poolMemberViewOf(history, m1, at(-60))!;
    expect(onTime.nextDue).toMatchObject({ round: 0, amount: '100', penaltyIfPaidNow: '0', totalIfPaidNow: '100' });
    expect(onTime.projectedPayout).toEqual({ round: 1, dueAt: at(WEEK), by: 'schedule' });
    // Two days late with a one-day grace period: one started late week, 5%.
    expect(poolMemberViewOf(history, m1, at(2 * DAY))!.nextDue).toMatchObject({ penaltyIfPaidNow: '5', totalIfPaidNow: '105' });
    expect(poolMemberViewOf(history, members(4)[3], at(0))).toBeNull();
  });

  it('says a bidding pool pays by bid, with no fixed date', () => {
    const log = poolLog();
    log.run('CreateRotatingPool', { poolId: 'p3', ...poolInput({ rotationMethod: 'bidding' }) });
    for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 0n }, at(-DAY), m);
    const history = fold(log.events);
    expect(poolMemberViewOf(history, m0, at(0))!.projectedPayout).toEqual({ round: null, dueAt: null, by: 'bid' });
    expect(poolMemberViewOf(history, m0, at(0))!.bid).toBeNull();
    log.run('PlaceBid', { member: m0, round: 0, discountBps: 250 }, at(-60), m0);
    const bidding = fold(log.events);
    expect(poolMemberViewOf(bidding, m0, at(0))!.bid).toEqual({ round: 0, discountBps: 250 });
    expect(poolMemberViewOf(throughReadModel(bidding), m0, at(0))!.bid).toEqual({ round: 0, discountBps: 250 });
    expect(poolMemberViewOf(bidding, m1, at(0))!.bid).toBeNull();
    expect(poolViewOf(history).schedule.map((r) => [r.kind, r.recipient])).toEqual([
      ['open', null],
      ['open', null],
      ['open', null],
    ]);
  });

  it('shows a lottery draw with the inputs that recompute its order, and consensus votes', () => {
    const secret = (i: number): Hash => `0x${(i + 1).toString(16).padStart(64, '0')}`;
    const log = poolLog();
    log.run('CreateRotatingPool', { poolId: 'p4', ...poolInput({ rotationMethod: 'lottery' }) });
    [m0, m1, m2].forEach((m, i) =>
      log.run('JoinRotatingPool', { member: m, collateral: 0n, commitment: lotteryCommitment(secret(i), m) }, at(-DAY), m),
    );
    [m0, m1, m2].forEach((m, i) => log.run('RevealLotterySecret', { member: m, secret: secret(i) }, at(-DAY), m));
    const view = poolViewOf(fold(log.events));
    expect(view.status).toBe('ACTIVE');
    const draw = view.lottery!.draw!;
    expect(draw.members).toEqual([m0, m1, m2]);
    expect(view.schedule.map((r) => r.recipient)).toEqual(drawOrder({ members: draw.members, secrets: draw.secrets as Hash[] }));
    expect(view.consensus).toBeNull();

    const vote = poolLog();
    vote.run('CreateRotatingPool', { poolId: 'p5', ...poolInput({ rotationMethod: 'consensus' }) });
    for (const m of [m0, m1, m2]) vote.run('JoinRotatingPool', { member: m, collateral: 0n }, at(-DAY), m);
    vote.run('VoteOnRotationOrder', { member: m0, order: [m2, m0, m1] }, at(-DAY), m0);
    expect(poolViewOf(fold(vote.events)).consensus).toEqual({ votes: [{ member: m0, order: [m2, m0, m1] }], adoptedOrderVotes: null });
    vote.run('VoteOnRotationOrder', { member: m1, order: [m2, m0, m1] }, at(-DAY), m1);
    const started = poolViewOf(fold(vote.events));
    expect(started.consensus?.adoptedOrderVotes).toBe(2);
    expect(started.schedule.map((r) => r.recipient)).toEqual([m2, m0, m1]);
  });

  it('shows a dissolved pool: rounds not settled are cancelled, nothing is held, the refunds are an effect to do', () => {
    const log = poolLog();
    log.run('CreateRotatingPool', { poolId: 'p6', ...poolInput({ collateralPercent: 50 }) });
    for (const m of [m0, m1, m2]) log.run('JoinRotatingPool', { member: m, collateral: 150n }, at(-DAY), m);
    for (const m of [m0, m1, m2]) log.run('PayContribution', { member: m, round: 0, amount: 100n }, at(0), m);
    log.run('SettleRound', { round: 0 }, at(0));
    log.run('PauseRotatingPool', { reason: 'token frozen' }, at(DAY));
    log.run('VoteToDissolve', { member: m1 }, at(DAY), m1);
    log.run('VoteToDissolve', { member: m2 }, at(DAY), m2);
    const history = fold(log.events);
    const view = poolViewOf(history);
    expect(view.status).toBe('DISSOLVED');
    expect(view.schedule.map((r) => r.state)).toEqual(['settled', 'cancelled', 'cancelled']);
    expect(view.dashboard).toMatchObject({ held: '0', currentRound: null, nextPayout: null });
    expect(view.effects.map((e) => [e.key, e.confirmed])).toEqual([
      ['begin', false],
      ['round-0', false],
      ['dissolution', false],
    ]);
    expect(poolMemberViewOf(history, m1, at(DAY))).toMatchObject({ poolStatus: 'DISSOLVED', nextDue: null, projectedPayout: null });
    expect(poolViewOf(throughReadModel(history))).toEqual(view);
  });
});
