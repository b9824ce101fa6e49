import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import type { PauseRotatingPool, RequestRoscaExit, ResumeRotatingPool, VoteToDissolve } from './rosca-commands';
import type { RoscaEvent, RotatingPoolDissolved, RotatingPoolMemberDeparted } from './rosca-events';
import { active, byOrganiser, currentMember, inEmergency } from './rosca-guards';
import { bpsOf, dissolutionRefunds } from './rosca-money';
import { activeMembers, poolHeld, type RoscaState, type RunningState } from './rosca-state';

/**
 * A member leaves (emergency exit, or expelled on a third strike or a default their cover cannot pay).
 * - Received the pot: what they owe the rounds to come (this one too, if unpaid) moves from their cover
 *   (collateral, then held-back payout) to the reserve, which pays their share each round. The holdback rule
 *   guarantees the cover suffices. Of the rest, an exit returns it less the exit penalty; an expulsion slashes it.
 * - Not received: they give up their slot. An exit returns their collateral at once and refunds their credited
 *   contributions in a refund round (the first round not already a refund), the exit penalty (bps of both)
 *   taken from the collateral first. An expulsion slashes the collateral and refunds the contributions.
 * Penalties and slashed amounts are the current round's income.
 */
export const departure = (state: RunningState, address: Address, reason: 'exit' | 'expelled', now: string): RotatingPoolMemberDeparted => {
  const member = currentMember(state, address);
  const round = state.round.index;
  const c = state.configuration.contributionAmount;
  const base = { member: address, round, reason, bannedFromDao: reason === 'expelled', departedAt: now };
  if (member.receivedRound !== null) {
    const unpaidNow = state.round.contributions.get(address) === 'PENDING' ? 1 : 0;
    const owed = BigInt(Math.max(0, state.rounds - 1 - round + unpaidNow)) * c;
    const holdings = member.collateral + member.heldBack;
    if (holdings < owed) throw new Error(`Cover of ${address} below what they owe: the holdback rule was broken`);
    const equity = holdings - owed;
    const penalty = reason === 'exit' ? bpsOf(equity, state.configuration.earlyExitPenaltyBps) : 0n;
    const slashed = reason === 'expelled' ? equity : 0n;
    return {
      type: 'RotatingPoolMemberDeparted',
      data: {
        ...base,
        returnedNow: equity - penalty - slashed,
        penalty,
        penaltyFromRefund: 0n,
        slashed,
        toReserve: owed,
        refundSlot: null,
      },
    };
  }
  if (reason === 'expelled')
    return {
      type: 'RotatingPoolMemberDeparted',
      data: {
        ...base,
        returnedNow: 0n,
        penalty: 0n,
        penaltyFromRefund: 0n,
        slashed: member.collateral,
        toReserve: 0n,
        refundSlot: member.contributed,
      },
    };
  const penalty = bpsOf(member.contributed + member.collateral, state.configuration.earlyExitPenaltyBps);
  const fromCollateral = penalty < member.collateral ? penalty : member.collateral;
  return {
    type: 'RotatingPoolMemberDeparted',
    data: {
      ...base,
      returnedNow: member.collateral - fromCollateral,
      penalty,
      penaltyFromRefund: penalty - fromCollateral,
      slashed: 0n,
      toReserve: 0n,
      refundSlot: member.contributed - (penalty - fromCollateral),
    },
  };
};

export const requestRoscaExit = (command: RequestRoscaExit, state: RoscaState): RotatingPoolMemberDeparted[] => {
  const s = active(state);
  if (!s.configuration.allowEmergencyExit)
    throw new DomainError('ROSCA.EXIT_NOT_ALLOWED', 'This pool does not allow emergency exits', 'conflict');
  return [departure(s, command.data.member, 'exit', command.metadata.now)];
};

export const pauseRotatingPool = (command: PauseRotatingPool, state: RoscaState): RoscaEvent[] => {
  const s = active(state);
  byOrganiser(s, command.metadata.actor);
  const reason = typeof command.data.reason === 'string' ? command.data.reason.trim() : '';
  if (reason.length === 0)
    throw new DomainError('ROSCA.REASON_REQUIRED', 'A pause says why', 'invalid', [{ field: 'reason', message: 'is required' }]);
  return [{ type: 'RotatingPoolPaused', data: { reason, pausedBy: command.metadata.actor, pausedAt: command.metadata.now } }];
};

export const resumeRotatingPool = (command: ResumeRotatingPool, state: RoscaState): RoscaEvent[] => {
  const s = inEmergency(state);
  byOrganiser(s, command.metadata.actor);
  return [{ type: 'RotatingPoolResumed', data: { resumedBy: command.metadata.actor, resumedAt: command.metadata.now } }];
};

/** The refunds of a dissolution now: they add up to exactly what the pool holds (see dissolutionRefunds). */
export const dissolution = (state: RunningState, now: string): RotatingPoolDissolved => {
  const members = activeMembers(state);
  const owedFrom = (address: Address) => {
    const unpaid = state.round.contributions.get(address) === 'PENDING' ? 1 : 0;
    return BigInt(Math.max(0, state.rounds - 1 - state.round.index + unpaid)) * state.configuration.contributionAmount;
  };
  const received = members
    .filter((m) => m.receivedRound !== null)
    .map((m) => ({ member: m.address, holdings: m.collateral + m.heldBack, owed: owedFrom(m.address) }));
  const waiting = members.filter((m) => m.receivedRound === null).map((m) => ({ member: m.address, claim: m.contributed + m.collateral }));
  const refundsDue = state.order
    .slice(state.round.index)
    .flatMap((s) => (s.kind === 'refund' ? [{ member: s.member, claim: s.amount }] : []));
  const balance = poolHeld(state);
  const refunds = dissolutionRefunds({
    balance,
    received,
    claimants: [...waiting, ...refundsDue],
    fallback: state.configuration.organiser,
  });
  return { type: 'RotatingPoolDissolved', data: { balance, refunds, dissolvedAt: now } };
};

/** Members vote to dissolve a paused pool; a majority (more than half of the current members) dissolves it. */
export const voteToDissolve = (command: VoteToDissolve, state: RoscaState): RoscaEvent[] => {
  const s = inEmergency(state);
  const { member } = command.data;
  currentMember(s, member);
  if (s.dissolutionVotes.has(member)) throw new DomainError('ROSCA.ALREADY_VOTED', `${member} already voted`, 'conflict');
  const votes = s.dissolutionVotes.size + 1;
  const voted: RoscaEvent = { type: 'DissolutionVoted', data: { member, votedAt: command.metadata.now } };
  return votes * 2 > activeMembers(s).length ? [voted, dissolution(s, command.metadata.now)] : [voted];
};
