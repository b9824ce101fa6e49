import type { Address } from '../shared/address';
import { assertNever } from '../shared/decider';
import { beginEffect, dissolveEffect, releaseEffect, settleEffect, type ChainEffect } from './rosca-effects';
import type { RoscaEvent, RotationSlot, RotatingPoolMemberDeparted, RoundSettled } from './rosca-events';
import { evolveRoscaOperations } from './evolve-rosca-operations';
import { dueAtOf, type ContributionStatus, type CurrentRound, type RoscaMember, type RoscaState, type RunningState } from './rosca-state';

const running = (state: RoscaState, type: string): RunningState => {
  if (state.status !== 'ACTIVE' && state.status !== 'EMERGENCY') throw new Error(`${type} on a ${state.status} pool`);
  return state;
};

const withMember = <S extends RunningState>(state: S, address: Address, change: (m: RoscaMember) => Partial<RoscaMember>): S => {
  const members = new Map(state.members);
  const member = members.get(address);
  if (!member) throw new Error(`No member ${address}`);
  members.set(address, { ...member, ...change(member) });
  return { ...state, members };
};

const freshRound = (state: RunningState, index: number): CurrentRound => ({
  index,
  dueAt: dueAtOf(state, index),
  contributions: new Map<Address, ContributionStatus>(
    [...state.members.values()].map((m) => [m.address, m.departed === null ? 'PENDING' : 'EXCUSED']),
  ),
  collected: 0n,
  income: 0n,
  bids: new Map(),
  earlyRequests: new Set(),
  announced: false,
  lateMarked: false,
});

const withEffect = <S extends { readonly effects: readonly ChainEffect[] }>(state: S, effect: ChainEffect | null): S =>
  effect ? { ...state, effects: [...state.effects, effect] } : state;

const setContribution = (round: CurrentRound, member: Address, status: ContributionStatus): CurrentRound => ({
  ...round,
  contributions: new Map(round.contributions).set(member, status),
});

/** A member who left before receiving gives up their slot; their refund takes the first slot not already a refund. */
const reorder = (order: readonly RotationSlot[], from: number, member: Address, amount: bigint): RotationSlot[] => {
  const mine = order.findIndex((s, i) => i >= from && s.kind === 'recipient' && s.member === member);
  const open = order.findIndex((s, i) => i >= from && s.kind === 'open');
  const without = order.filter((_, i) => i !== (mine >= 0 ? mine : open));
  const at = without.findIndex((s, i) => i >= from && s.kind !== 'refund');
  without.splice(at < 0 ? without.length : at, 0, { kind: 'refund', member, amount });
  return without;
};

const departed = (state: RunningState, event: RotatingPoolMemberDeparted): RunningState => {
  const { data } = event;
  const next = withEffect(
    withMember(state, data.member, () => ({ departed: data.reason, collateral: 0n, heldBack: 0n })),
    releaseEffect(event),
  );
  const status = state.round.contributions.get(data.member);
  return {
    ...next,
    order: data.refundSlot === null ? next.order : reorder(next.order, state.round.index, data.member, data.refundSlot),
    round: {
      ...(status === 'PENDING' ? setContribution(next.round, data.member, 'EXCUSED') : next.round),
      income: next.round.income + data.penalty - data.penaltyFromRefund + data.slashed,
    },
    reserve: next.reserve + data.toReserve,
    ledger: { ...next.ledger, tokensOut: next.ledger.tokensOut + data.returnedNow },
  };
};

const settled = (state: RunningState, { data }: RoundSettled): RunningState => {
  let next: RunningState = state;
  if (data.kind === 'payout') {
    next = withMember(next, data.recipient, (m) => ({ receivedRound: data.round, heldBack: m.heldBack + data.holdback }));
    next = { ...next, order: next.order.map((s, i) => (i === data.round ? { kind: 'recipient', member: data.recipient } : s)) };
  }
  for (const r of data.releases) {
    next = withMember(next, r.member, (m) => ({ heldBack: m.heldBack - r.fromHoldback, collateral: m.collateral - r.fromCollateral }));
  }
  const sum = (list: readonly { readonly amount: bigint }[]) => list.reduce((n, x) => n + x.amount, 0n);
  const released = data.releases.reduce((n, r) => n + r.fromHoldback + r.fromCollateral, 0n);
  next = {
    ...next,
    reserve: next.reserve - data.reserveFill + data.toReserve,
    ledger: {
      tokensIn: next.ledger.tokensIn + data.yieldEarned,
      tokensOut: next.ledger.tokensOut + data.paid + sum(data.discountShares) + released,
      fees: next.ledger.fees + data.fee,
    },
  };
  next = withEffect(next, settleEffect({ type: 'RoundSettled', data }));
  return { ...next, round: freshRound(next, data.round + 1) };
};

/** Folds one event; events are facts, so a history that does not fit is a bug and throws. */
export const evolveRosca = (state: RoscaState, event: RoscaEvent): RoscaState => {
  switch (event.type) {
    case 'RotatingPoolCreated':
      return {
        status: 'FORMING',
        poolId: event.data.poolId,
        configuration: event.data.configuration,
        members: new Map(),
        ledger: { tokensIn: 0n, tokensOut: 0n, fees: 0n },
        contract: null,
        contractBlock: null,
        strategy: null,
        pendingJoins: new Map(),
        orderVotes: new Map(),
        effects: [],
      };
    case 'RotatingPoolMemberJoined': {
      if (state.status !== 'FORMING') throw new Error(`${event.type} on a ${state.status} pool`);
      const { member, collateral, commitment, joinedAt } = event.data;
      const record: RoscaMember = {
        address: member,
        joinedAt,
        commitment,
        secret: null,
        collateral,
        heldBack: 0n,
        contributed: 0n,
        receivedRound: null,
        strikes: 0,
        departed: null,
      };
      const pendingJoins = new Map(state.pendingJoins);
      pendingJoins.delete(member);
      return {
        ...state,
        pendingJoins,
        members: new Map(state.members).set(member, record),
        ledger: { ...state.ledger, tokensIn: state.ledger.tokensIn + collateral },
      };
    }
    case 'LotterySecretRevealed': {
      if (state.status !== 'FORMING') throw new Error(`${event.type} on a ${state.status} pool`);
      const members = new Map(state.members);
      const member = members.get(event.data.member);
      if (!member) throw new Error(`No member ${event.data.member}`);
      members.set(member.address, { ...member, secret: event.data.secret });
      return { ...state, members };
    }
    case 'RotatingPoolStarted': {
      if (state.status !== 'FORMING') throw new Error(`${event.type} on a ${state.status} pool`);
      const started: RunningState = {
        ...state,
        status: 'ACTIVE',
        rounds: event.data.order.length,
        order: event.data.order,
        firstDueAt: event.data.firstDueAt,
        reserve: 0n,
        dissolutionVotes: new Set(),
        round: undefined as unknown as CurrentRound,
        pendingJoins: new Map(),
        effects: [...state.effects, beginEffect(event)],
      };
      return { ...started, round: freshRound(started, 0) };
    }
    case 'ContributionPaid': {
      const s = running(state, event.type);
      const { member, amount, penalty, timing, strike } = event.data;
      const next = withMember(s, member, (m) => ({ contributed: m.contributed + amount, strikes: strike ?? m.strikes }));
      // Within the grace period a payment is not late (nothing is charged then); after it, it is.
      const round = setContribution(next.round, member, timing === 'after-grace' ? 'LATE' : 'PAID');
      return {
        ...next,
        round: { ...round, collected: round.collected + amount, income: round.income + penalty },
        ledger: { ...next.ledger, tokensIn: next.ledger.tokensIn + amount + penalty },
      };
    }
    case 'ContributionDefaulted': {
      const s = running(state, event.type);
      const { member, fromCollateral, fromHoldback, strike } = event.data;
      const next = withMember(s, member, (m) => ({
        collateral: m.collateral - fromCollateral,
        heldBack: m.heldBack - fromHoldback,
        contributed: m.contributed + fromCollateral + fromHoldback,
        strikes: strike,
      }));
      const round = setContribution(next.round, member, 'DEFAULTED');
      return { ...next, round: { ...round, collected: round.collected + fromCollateral + fromHoldback } };
    }
    case 'RotatingPoolMemberDeparted':
      return departed(running(state, event.type), event);
    case 'BidPlaced': {
      const s = running(state, event.type);
      return { ...s, round: { ...s.round, bids: new Map(s.round.bids).set(event.data.member, event.data.discountBps) } };
    }
    case 'RoundSettled':
      return settled(running(state, event.type), event);
    case 'RotatingPoolCompleted':
      return { ...running(state, event.type), status: 'COMPLETED', completedAt: event.data.completedAt };
    case 'RotatingPoolPaused':
      return { ...running(state, event.type), status: 'EMERGENCY' };
    case 'RotatingPoolResumed':
      return { ...running(state, event.type), status: 'ACTIVE', dissolutionVotes: new Set() };
    case 'DissolutionVoted': {
      const s = running(state, event.type);
      return { ...s, dissolutionVotes: new Set(s.dissolutionVotes).add(event.data.member) };
    }
    case 'RotatingPoolDissolved': {
      const s = running(state, event.type);
      const members = new Map([...s.members].map(([a, m]) => [a, { ...m, collateral: 0n, heldBack: 0n }]));
      const refunded = event.data.refunds.reduce((n, r) => n + r.amount, 0n);
      return {
        ...s,
        status: 'DISSOLVED',
        dissolvedAt: event.data.dissolvedAt,
        members,
        reserve: 0n,
        round: { ...s.round, collected: 0n, income: 0n },
        ledger: { ...s.ledger, tokensOut: s.ledger.tokensOut + refunded },
        effects: [...s.effects, dissolveEffect(event)],
      };
    }
    case 'RotatingPoolDeployed':
    case 'RotatingPoolJoinRequested':
    case 'RotatingPoolJoinFailed':
    case 'RotationOrderVoted':
    case 'EarlyPaymentRequested':
    case 'RoundAnnounced':
    case 'ContributionsLate':
    case 'RotatingPoolEffectConfirmed':
      return evolveRoscaOperations(state, event);
    default:
      return assertNever(event);
  }
};
