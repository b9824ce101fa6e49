import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import { addSeconds, isAtOrAfter } from '../shared/time';
import type { PayContribution, PlaceBid, SettleRound } from './rosca-commands';
import { STRIKES_TO_EXPEL } from './rosca-configuration';
import type { ContributionDefaulted, RoscaEvent, RoundSettled } from './rosca-events';
import { active, currentMember, currentRound, running } from './rosca-guards';
import { bpsOf, holdbackFor, latePenalty, releasable, splitDiscount } from './rosca-money';
import { activeMembers, owedAfter, type RoscaState, type RunningState } from './rosca-state';
import { departure } from './rosca-departures';

type Evolve = (s: RoscaState, e: RoscaEvent) => RoscaState;

/**
 * Credits a contribution the worker pulled on chain (`now` is the block's time, at which the contract priced
 * the penalty). Also while the pool is paused: a pull mined before the pause is the member's money in the pool.
 */
export const payContribution = (command: PayContribution, state: RoscaState, evolve: Evolve): RoscaEvent[] => {
  const s = running(state);
  const { member, round, amount } = command.data;
  const record = currentMember(s, member);
  currentRound(s, round);
  if (s.round.contributions.get(member) !== 'PENDING')
    throw new DomainError('ROSCA.ALREADY_PAID', `${member} already paid round ${round}`, 'conflict');
  const config = s.configuration;
  const penalty = latePenalty(config, s.round.dueAt, command.metadata.now);
  if (amount !== config.contributionAmount + penalty)
    throw new DomainError('ROSCA.WRONG_AMOUNT', `Round ${round} costs ${config.contributionAmount + penalty}`, 'invalid', [
      {
        field: 'amount',
        message: `must be ${config.contributionAmount + penalty} (contribution ${config.contributionAmount}, penalty ${penalty})`,
      },
    ]);
  const now = command.metadata.now;
  const timing = isAtOrAfter(s.round.dueAt, now)
    ? 'on-time'
    : isAtOrAfter(addSeconds(s.round.dueAt, config.gracePeriodSeconds), now)
      ? 'grace'
      : 'after-grace';
  const strike = timing === 'after-grace' ? record.strikes + 1 : null;
  const paid: RoscaEvent = {
    type: 'ContributionPaid',
    data: { member, round, amount: config.contributionAmount, penalty, timing, strike, paidAt: now },
  };
  return strike !== null && strike >= STRIKES_TO_EXPEL
    ? [paid, departure(evolve(s, paid) as RunningState, member, 'expelled', now)]
    : [paid];
};

export const placeBid = (command: PlaceBid, state: RoscaState): RoscaEvent[] => {
  const s = active(state);
  const { member, round, discountBps } = command.data;
  if (s.configuration.rotationMethod !== 'bidding') throw new DomainError('ROSCA.NOT_BIDDING', 'This pool does not take bids', 'conflict');
  const record = currentMember(s, member);
  currentRound(s, round);
  if (record.receivedRound !== null) throw new DomainError('ROSCA.ALREADY_RECEIVED', `${member} already received the pot`, 'conflict');
  if (!Number.isSafeInteger(discountBps) || discountBps < 0 || discountBps > 10_000)
    throw new DomainError('ROSCA.INVALID_BID', 'A bid is 0 to 10000 bps', 'invalid', [
      { field: 'discountBps', message: 'must be an integer between 0 and 10000' },
    ]);
  if (s.round.bids.has(member)) throw new DomainError('ROSCA.ALREADY_BID', `${member} already bid this round`, 'conflict');
  return [{ type: 'BidPlaced', data: { member, round, discountBps, placedAt: command.metadata.now } }];
};

/** Unpaid contributions at settlement: the member's cover pays; a third strike or a cover too small expels them. */
const defaults = (s: RunningState, now: string, evolve: Evolve): RoscaEvent[] => {
  const c = s.configuration.contributionAmount;
  const events: RoscaEvent[] = [];
  let state: RunningState = s;
  for (const m of activeMembers(s)) {
    if (s.round.contributions.get(m.address) !== 'PENDING') continue;
    const strike = m.strikes + 1;
    const step: RoscaEvent[] = [];
    if (m.collateral + m.heldBack >= c) {
      const fromCollateral = m.collateral >= c ? c : m.collateral;
      const d: ContributionDefaulted = {
        type: 'ContributionDefaulted',
        data: { member: m.address, round: s.round.index, fromCollateral, fromHoldback: c - fromCollateral, strike },
      };
      step.push(d);
      state = evolve(state, d) as RunningState;
      if (strike >= STRIKES_TO_EXPEL) step.push(departure(state, m.address, 'expelled', now));
    } else step.push(departure(state, m.address, 'expelled', now));
    if (step.length > 0 && step[step.length - 1].type === 'RotatingPoolMemberDeparted')
      state = evolve(state, step[step.length - 1]) as RunningState;
    events.push(...step);
  }
  return events;
};

interface Winner {
  readonly member: Address;
  readonly discountBps: number;
}

/** Bidding: the highest discount whose payout still covers its holdback wins (ties: join order); no bid → first waiting member. */
const biddingWinner = (s: RunningState, net: bigint): Winner => {
  const waiting = activeMembers(s).filter((m) => m.receivedRound === null);
  const holdback = (address: Address) => holdbackFor(owedAfter(s, s.round.index), s.members.get(address)?.collateral ?? 0n);
  const eligible = waiting
    .filter((m) => s.round.bids.has(m.address))
    .map((m) => ({ member: m.address, discountBps: s.round.bids.get(m.address) ?? 0 }))
    .filter((b) => net - bpsOf(net, b.discountBps) >= holdback(b.member))
    .sort((a, b) => b.discountBps - a.discountBps);
  return eligible[0] ?? { member: waiting[0].address, discountBps: 0 };
};

const releasesAfter = (s: RunningState, recipient: Address | null, holdback: bigint): RoundSettled['data']['releases'] => {
  const stillOwed = owedAfter(s, s.round.index);
  return activeMembers(s)
    .filter((m) => m.receivedRound !== null || m.address === recipient)
    .map((m) => ({ member: m.address, ...releasable(stillOwed, m.collateral, m.heldBack + (m.address === recipient ? holdback : 0n)) }))
    .filter((r) => r.fromHoldback + r.fromCollateral > 0n);
};

const settlement = (s: RunningState, yieldEarned: bigint, now: string): RoundSettled => {
  const { contributionAmount: c, platformFeeBps } = s.configuration;
  const round = s.round.index;
  const last = round === s.rounds - 1;
  const excused = [...s.round.contributions.values()].filter((st) => st === 'EXCUSED').length;
  const wanted = BigInt(excused) * c;
  let reserveFill = last ? s.reserve : wanted < s.reserve ? wanted : s.reserve;
  let gross = s.round.collected + reserveFill + s.round.income + yieldEarned;
  const slot = s.order[round];
  const base = { round, yieldEarned, discountBps: 0, discountShares: [], settledAt: now };
  if (slot.kind === 'refund') {
    const extra = slot.amount > gross ? slot.amount - gross : 0n;
    if (extra > s.reserve - reserveFill) throw new Error(`Refund round ${round} cannot pay ${slot.amount}: the reserve rule was broken`);
    reserveFill += extra;
    gross += extra;
    // The last round leaves nothing behind: whatever the reserve still held goes with the refund.
    const paid = last ? gross : slot.amount;
    return {
      type: 'RoundSettled',
      data: {
        ...base,
        kind: 'refund',
        recipient: slot.member,
        reserveFill,
        gross,
        fee: 0n,
        holdback: 0n,
        paid,
        toReserve: gross - paid,
        releases: releasesAfter(s, null, 0n),
      },
    };
  }
  const fee = bpsOf(gross, platformFeeBps);
  const net = gross - fee;
  const winner: Winner = slot.kind === 'recipient' ? { member: slot.member, discountBps: 0 } : biddingWinner(s, net);
  const discount = bpsOf(net, winner.discountBps);
  const others = activeMembers(s)
    .filter((m) => m.address !== winner.member)
    .map((m) => m.address);
  const { shares, remainder } = splitDiscount(discount, others);
  const collateral = s.members.get(winner.member)?.collateral ?? 0n;
  const holdback = holdbackFor(owedAfter(s, round), collateral);
  const paid = net - discount + remainder - holdback;
  if (paid < 0n) throw new Error(`Round ${round}: payout below holdback; the configuration rule was broken`);
  return {
    type: 'RoundSettled',
    data: {
      ...base,
      kind: 'payout',
      recipient: winner.member,
      reserveFill,
      gross,
      fee,
      discountBps: winner.discountBps,
      discountShares: shares,
      holdback,
      paid,
      toReserve: 0n,
      releases: releasesAfter(s, winner.member, holdback),
    },
  };
};

/**
 * Settles the open round once its grace period has passed (or everyone has paid): defaults first, then the
 * round's pot to its recipient (or a departed member's refund). The last round completes the pool.
 */
export const settleRound = (command: SettleRound, state: RoscaState, evolve: Evolve): RoscaEvent[] => {
  const s = active(state);
  currentRound(s, command.data.round);
  const yieldEarned = command.data.yieldEarned ?? 0n;
  if (typeof yieldEarned !== 'bigint' || yieldEarned < 0n)
    throw new DomainError('ROSCA.INVALID_YIELD', 'Yield is a whole amount', 'invalid', [
      { field: 'yieldEarned', message: 'must be 0 or more' },
    ]);
  const now = command.metadata.now;
  const allIn = [...s.round.contributions.values()].every((st) => st !== 'PENDING');
  if (!allIn && !isAtOrAfter(now, addSeconds(s.round.dueAt, s.configuration.gracePeriodSeconds)))
    throw new DomainError('ROSCA.ROUND_OPEN', `Round ${s.round.index} is open until its grace period ends`, 'conflict');
  const before = defaults(s, now, evolve);
  const after = before.reduce(evolve, s as RoscaState) as RunningState;
  const settled = settlement(after, yieldEarned, now);
  const events: RoscaEvent[] = [...before, settled];
  if (s.round.index === s.rounds - 1) events.push({ type: 'RotatingPoolCompleted', data: { completedAt: now } });
  return events;
};
