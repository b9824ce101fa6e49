import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { addSeconds, isAtOrAfter } from '../shared/time';
import type {
  AnnounceRound,
  ConfirmRotatingPoolEffect,
  FailRotatingPoolJoin,
  MarkContributionsLate,
  RecordRotatingPoolDeployment,
  RequestEarlyPayment,
  RequestToJoinRotatingPool,
} from './rosca-commands';
import type { MemberAmount, RoscaEvent } from './rosca-events';
import { active, currentMember, currentRound, existing, forming } from './rosca-guards';
import { activeMembers, type RoscaState } from './rosca-state';

/**
 * The pool's operation around its contract: the deployment, signed joins waiting for their collateral,
 * early payments, the reminders and late marks of a round, and chain effects confirmed. The worker issues
 * all but the join and payment requests (members sign those); each is decided against the pool's state, so
 * a retried step that finds its work done decides nothing.
 */
export const recordRotatingPoolDeployment = (command: RecordRotatingPoolDeployment, state: RoscaState): RoscaEvent[] => {
  const s = existing(state);
  if (s.contract !== null) {
    if (s.contract === command.data.address) return [];
    throw new DomainError('ROSCA.ALREADY_DEPLOYED', `The pool's contract is ${s.contract}`, 'conflict');
  }
  const { address, txHash, blockNumber } = command.data;
  const strategy = command.data.strategy ?? null;
  return [{ type: 'RotatingPoolDeployed', data: { address, txHash, blockNumber, strategy, deployedAt: command.metadata.now } }];
};

/** A member's signed join: checked now (capacity counts pending joins), recorded once its collateral is pulled. */
export const requestToJoinRotatingPool = (command: RequestToJoinRotatingPool, state: RoscaState): RoscaEvent[] => {
  const s = forming(state);
  const { member, commitment, banned } = command.data;
  if (banned)
    throw new DomainError('ROSCA.BANNED', `${member} was expelled from one of this DAO's rotating pools`, 'forbidden', [
      { field: 'member', message: "was expelled from one of this DAO's rotating pools and may not join another" },
    ]);
  if (s.members.has(member)) throw new DomainError('ROSCA.ALREADY_MEMBER', `${member} already joined`, 'conflict');
  if (s.pendingJoins.has(member)) throw new DomainError('ROSCA.JOIN_PENDING', `${member} already asked to join`, 'conflict');
  if (s.members.size + s.pendingJoins.size >= s.configuration.memberCount)
    throw new DomainError('ROSCA.FULL', 'The pool is full', 'conflict');
  const lottery = s.configuration.rotationMethod === 'lottery';
  if (lottery && !isHash(commitment))
    throw new DomainError('ROSCA.COMMITMENT_REQUIRED', 'A lottery pool needs a commitment', 'invalid', [
      { field: 'commitment', message: 'must be a 32-byte hash: keccak256(secret ‖ member)' },
    ]);
  if (!lottery && commitment !== undefined && commitment !== null)
    throw new DomainError('ROSCA.NOT_LOTTERY', 'Only lottery pools take a commitment', 'invalid', [
      { field: 'commitment', message: 'must be left out: this pool does not draw its order' },
    ]);
  return [
    {
      type: 'RotatingPoolJoinRequested',
      data: { member, commitment: lottery ? (commitment ?? null) : null, requestedAt: command.metadata.now },
    },
  ];
};

export const failRotatingPoolJoin = (command: FailRotatingPoolJoin, state: RoscaState): RoscaEvent[] => {
  const s = existing(state);
  if (!s.pendingJoins.has(command.data.member)) return [];
  return [
    { type: 'RotatingPoolJoinFailed', data: { member: command.data.member, reason: command.data.reason, failedAt: command.metadata.now } },
  ];
};

export const requestEarlyPayment = (command: RequestEarlyPayment, state: RoscaState): RoscaEvent[] => {
  const s = active(state);
  const { member, round } = command.data;
  currentMember(s, member);
  currentRound(s, round);
  if (s.round.contributions.get(member) !== 'PENDING')
    throw new DomainError('ROSCA.ALREADY_PAID', `${member} already paid round ${round}`, 'conflict');
  if (s.round.earlyRequests.has(member)) return [];
  return [{ type: 'EarlyPaymentRequested', data: { member, round, requestedAt: command.metadata.now } }];
};

/** The payment-due reminder, once per round. */
export const announceRound = (command: AnnounceRound, state: RoscaState): RoscaEvent[] => {
  const s = active(state);
  currentRound(s, command.data.round);
  if (s.round.announced) return [];
  const slot = s.order[s.round.index];
  const recipient = slot.kind === 'open' ? null : slot.member;
  return [{ type: 'RoundAnnounced', data: { round: s.round.index, dueAt: s.round.dueAt, recipient, announcedAt: command.metadata.now } }];
};

/** After the due time: the members whose contribution is still not in are late (once per round; none, nothing). */
export const markContributionsLate = (command: MarkContributionsLate, state: RoscaState): RoscaEvent[] => {
  const s = active(state);
  currentRound(s, command.data.round);
  if (s.round.lateMarked || !isAtOrAfter(command.metadata.now, s.round.dueAt)) return [];
  const members = activeMembers(s)
    .filter((m) => s.round.contributions.get(m.address) === 'PENDING')
    .map((m) => m.address);
  if (members.length === 0) return [];
  const graceEndsAt = addSeconds(s.round.dueAt, s.configuration.gracePeriodSeconds);
  return [{ type: 'ContributionsLate', data: { round: s.round.index, members, graceEndsAt, markedAt: command.metadata.now } }];
};

/** Effects are confirmed in log order: confirming one out of turn, or twice, is refused or ignored. */
export const confirmRotatingPoolEffect = (command: ConfirmRotatingPoolEffect, state: RoscaState): RoscaEvent[] => {
  const s = existing(state);
  const effect = s.effects.find((e) => e.key === command.data.key);
  if (!effect) throw new DomainError('ROSCA.NO_SUCH_EFFECT', `No chain effect ${command.data.key}`, 'not-found');
  if (effect.confirmed) return [];
  const first = s.effects.find((e) => !e.confirmed);
  if (first && first.key !== effect.key)
    throw new DomainError('ROSCA.EFFECT_OUT_OF_ORDER', `${first.key} must be confirmed before ${effect.key}`, 'conflict');
  const decided = effect.kind === 'begin' ? [] : effect.payments;
  const decidedFee = effect.kind === 'settle' ? effect.fee : 0n;
  const payments = command.data.paid ?? decided;
  const fee = command.data.fee ?? decidedFee;
  if (payments.some((p) => p.amount < 0n) || fee < 0n)
    throw new DomainError('ROSCA.INVALID_CONFIRMATION', 'What the chain paid is never negative', 'invalid', [
      { field: 'paid', message: 'amounts must be 0 or more' },
    ]);
  const surplus = sum(payments) + fee - sum(decided) - decidedFee;
  return [
    {
      type: 'RotatingPoolEffectConfirmed',
      data: {
        key: effect.key,
        txHash: command.data.txHash,
        payments,
        fee,
        deferred: command.data.deferred,
        surplus,
        confirmedAt: command.metadata.now,
      },
    },
  ];
};

const sum = (list: readonly MemberAmount[]): bigint => list.reduce((n, p) => n + p.amount, 0n);
