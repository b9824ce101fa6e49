import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { drawOrder, lotteryCommitment } from './draw-order';
import type { CreateRotatingPool, JoinRotatingPool, RevealLotterySecret, StartRotatingPool } from './rosca-commands';
import type { RoscaEvent, RotatingPoolCreated, RotatingPoolStarted, RotationSlot } from './rosca-events';
import { byOrganiser, forming } from './rosca-guards';
import { collateralFor } from './rosca-money';
import type { RoscaState } from './rosca-state';
import { validateRoscaConfiguration } from './validate-rosca-configuration';

export const createRotatingPool = (command: CreateRotatingPool, state: RoscaState): RotatingPoolCreated[] => {
  if (state.status !== 'ABSENT') throw new DomainError('ROSCA.ALREADY_EXISTS', `Pool ${command.data.poolId} already exists`, 'conflict');
  const { poolId, ...input } = command.data;
  const configuration = validateRoscaConfiguration(input);
  return [
    { type: 'RotatingPoolCreated', data: { poolId, configuration, createdAt: command.metadata.now, createdBy: command.metadata.actor } },
  ];
};

type Forming = Extract<RoscaState, { status: 'FORMING' }>;

/** The start event, or null when the method needs more (an organiser's order, every lottery secret). */
const startEvent = (
  state: Forming,
  command: { readonly now: string; readonly actor: string },
  start: StartRotatingPool['data'] | null,
): RotatingPoolStarted | null => {
  const members = [...state.members.keys()];
  const config = state.configuration;
  let order: readonly RotationSlot[];
  let draw: RotatingPoolStarted['data']['draw'] = null;
  switch (config.rotationMethod) {
    case 'join-order':
      order = members.map((member) => ({ kind: 'recipient', member }));
      break;
    case 'bidding':
      order = members.map(() => ({ kind: 'open' }));
      break;
    case 'lottery': {
      const secrets = [...state.members.values()].map((m) => m.secret);
      if (secrets.some((s) => s === null)) {
        if (start === null) return null;
        throw new DomainError('ROSCA.LOTTERY_NOT_REVEALED', 'Every member must reveal their lottery secret first', 'conflict');
      }
      draw = { members, secrets: secrets as NonNullable<(typeof secrets)[number]>[] };
      order = drawOrder(draw).map((member) => ({ kind: 'recipient', member }));
      break;
    }
    case 'manual':
    case 'consensus': {
      if (start === null) return null;
      const given = start.order ?? [];
      const same = given.length === members.length && new Set(given).size === given.length && given.every((a) => state.members.has(a));
      if (!same)
        throw new DomainError('ROSCA.INVALID_ORDER', 'The order must list every member once', 'invalid', [
          { field: 'order', message: 'must list every member exactly once' },
        ]);
      if (config.rotationMethod === 'consensus' && !start.proposalId)
        throw new DomainError('ROSCA.INVALID_ORDER', 'A consensus order names the vote that fixed it', 'invalid', [
          { field: 'proposalId', message: 'is required for a consensus order' },
        ]);
      order = given.map((member) => ({ kind: 'recipient', member }));
      break;
    }
  }
  // Round 0 is due at the configured start date, or at the start if the pool starts after it.
  const firstDueAt = Date.parse(command.now) > Date.parse(config.startDate) ? command.now : config.startDate;
  return {
    type: 'RotatingPoolStarted',
    data: { order, draw, proposalId: start?.proposalId ?? null, firstDueAt, startedAt: command.now, startedBy: command.actor },
  };
};

const fold = (state: Forming, events: readonly RoscaEvent[], evolve: (s: RoscaState, e: RoscaEvent) => RoscaState): Forming =>
  events.reduce(evolve, state as RoscaState) as Forming;

export const joinRotatingPool = (
  command: JoinRotatingPool,
  state: RoscaState,
  evolve: (s: RoscaState, e: RoscaEvent) => RoscaState,
): RoscaEvent[] => {
  const s = forming(state);
  const { member, collateral, commitment } = command.data;
  if (s.members.has(member)) throw new DomainError('ROSCA.ALREADY_MEMBER', `${member} already joined`, 'conflict');
  if (s.members.size >= s.configuration.memberCount) throw new DomainError('ROSCA.FULL', 'The pool is full', 'conflict');
  const required = collateralFor(s.configuration);
  if (collateral !== required)
    throw new DomainError('ROSCA.WRONG_COLLATERAL', `The collateral is ${required}`, 'invalid', [
      { field: 'collateral', message: `must be ${required}` },
    ]);
  const lottery = s.configuration.rotationMethod === 'lottery';
  if (lottery && !isHash(commitment))
    throw new DomainError('ROSCA.COMMITMENT_REQUIRED', 'A lottery pool needs a commitment', 'invalid', [
      { field: 'commitment', message: 'must be a 32-byte hash' },
    ]);
  const joined: RoscaEvent = {
    type: 'RotatingPoolMemberJoined',
    data: { member, collateral, commitment: lottery ? (commitment ?? null) : null, joinedAt: command.metadata.now },
  };
  const after = fold(s, [joined], evolve);
  const start = after.members.size === s.configuration.memberCount ? startEvent(after, command.metadata, null) : null;
  return start ? [joined, start] : [joined];
};

export const revealLotterySecret = (
  command: RevealLotterySecret,
  state: RoscaState,
  evolve: (s: RoscaState, e: RoscaEvent) => RoscaState,
): RoscaEvent[] => {
  const s = forming(state);
  const { member, secret } = command.data;
  const record = s.members.get(member);
  if (!record)
    throw new DomainError('ROSCA.NOT_A_MEMBER', `${member} is not a member`, 'invalid', [
      { field: 'member', message: 'is not a member of this pool' },
    ]);
  if (!isHash(secret) || record.commitment === null || lotteryCommitment(secret, member) !== record.commitment)
    throw new DomainError('ROSCA.REVEAL_MISMATCH', 'The secret does not match the commitment', 'invalid', [
      { field: 'secret', message: 'does not match the commitment' },
    ]);
  // Reveals wait for every commitment: a member joining after a reveal could otherwise pick their secret.
  if (s.members.size < s.configuration.memberCount)
    throw new DomainError('ROSCA.NOT_FULL', 'Secrets are revealed once the pool is full', 'conflict');
  if (record.secret !== null) throw new DomainError('ROSCA.ALREADY_REVEALED', `${member} already revealed`, 'conflict');
  const revealed: RoscaEvent = { type: 'LotterySecretRevealed', data: { member, secret } };
  const after = fold(s, [revealed], evolve);
  const start = after.members.size === s.configuration.memberCount ? startEvent(after, command.metadata, null) : null;
  return start ? [revealed, start] : [revealed];
};

export const startRotatingPool = (command: StartRotatingPool, state: RoscaState): RotatingPoolStarted[] => {
  const s = forming(state);
  byOrganiser(s, command.metadata.actor);
  if (s.members.size < 2) throw new DomainError('ROSCA.TOO_FEW_MEMBERS', 'A pool starts with at least 2 members', 'conflict');
  const started = startEvent(s, command.metadata, command.data);
  return started ? [started] : [];
};
