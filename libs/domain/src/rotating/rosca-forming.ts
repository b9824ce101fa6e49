import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { isAtOrAfter } from '../shared/time';
import { drawOrder, lotteryCommitment, type DrawInputs } from './draw-order';
import type { CreateRotatingPool, JoinRotatingPool, RevealLotterySecret, StartRotatingPool, VoteOnRotationOrder } from './rosca-commands';
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
type Evolve = (s: RoscaState, e: RoscaEvent) => RoscaState;

const orderKey = (order: readonly Address[]): string => order.join(',');

/** Lists every current member exactly once. */
const isFullOrder = (state: Forming, order: readonly Address[]): boolean =>
  order.length === state.members.size && new Set(order).size === order.length && order.every((a) => state.members.has(a));

/** Consensus: the order more than half of the members voted for (votes for an order missing a member do not count). */
const majorityOrder = (state: Forming): { readonly order: readonly Address[]; readonly votes: number } | null => {
  const tally = new Map<string, { order: readonly Address[]; votes: number }>();
  for (const [voter, order] of state.orderVotes) {
    if (!state.members.has(voter) || !isFullOrder(state, order)) continue;
    const entry = tally.get(orderKey(order)) ?? { order, votes: 0 };
    tally.set(orderKey(order), { ...entry, votes: entry.votes + 1 });
  }
  return [...tally.values()].find((t) => t.votes * 2 > state.members.size) ?? null;
};

/** The lottery's inputs: every revealed secret in join order; an organiser's start leaves non-revealers last. */
const lotteryDraw = (state: Forming, byOrganiserAt: string | null): DrawInputs | null => {
  const all = [...state.members.values()];
  if (all.every((m) => m.secret !== null)) return { members: all.map((m) => m.address), secrets: all.map((m) => m.secret!) };
  if (byOrganiserAt === null) return null;
  if (!isAtOrAfter(byOrganiserAt, state.configuration.startDate))
    throw new DomainError(
      'ROSCA.LOTTERY_NOT_REVEALED',
      'Every member must reveal their lottery secret first; after the start date the organiser may start without the missing ones',
      'conflict',
    );
  const revealed = all.filter((m) => m.secret !== null);
  return {
    members: revealed.map((m) => m.address),
    secrets: revealed.map((m) => m.secret!),
    unrevealed: all.filter((m) => m.secret === null).map((m) => m.address),
  };
};

/** Whole seconds: the contract prices late payments from this instant, and the chain counts in seconds. */
const wholeSecond = (iso: string): string => new Date(Math.ceil(Date.parse(iso) / 1000) * 1000).toISOString();

/**
 * The start event, or null when the method needs more (an organiser's order, every lottery secret, a
 * majority for one order). `start` is the organiser's command, null for an automatic start.
 */
const startEvent = (
  state: Forming,
  command: { readonly now: string; readonly actor: string },
  start: StartRotatingPool['data'] | null,
): RotatingPoolStarted | null => {
  const members = [...state.members.keys()];
  const config = state.configuration;
  let order: readonly RotationSlot[];
  let draw: DrawInputs | null = null;
  let orderVotes: number | null = null;
  switch (config.rotationMethod) {
    case 'join-order':
      order = members.map((member) => ({ kind: 'recipient', member }));
      break;
    case 'bidding':
      order = members.map(() => ({ kind: 'open' }));
      break;
    case 'lottery': {
      draw = lotteryDraw(state, start === null ? null : command.now);
      if (draw === null) return null;
      order = drawOrder(draw).map((member) => ({ kind: 'recipient', member }));
      break;
    }
    case 'consensus': {
      const adopted = majorityOrder(state);
      if (adopted === null) {
        if (start === null) return null;
        throw new DomainError('ROSCA.NO_ORDER_MAJORITY', 'No order has the votes of more than half of the members yet', 'conflict');
      }
      order = adopted.order.map((member) => ({ kind: 'recipient', member }));
      orderVotes = adopted.votes;
      break;
    }
    case 'manual': {
      if (start === null) return null;
      const given = start.order ?? [];
      if (!isFullOrder(state, given))
        throw new DomainError('ROSCA.INVALID_ORDER', 'The order must list every member once', 'invalid', [
          { field: 'order', message: 'must list every member exactly once' },
        ]);
      order = given.map((member) => ({ kind: 'recipient', member }));
      break;
    }
  }
  // Round 0 is due at the configured start date, or at the start if the pool starts after it.
  const firstDueAt = wholeSecond(Date.parse(command.now) > Date.parse(config.startDate) ? command.now : config.startDate);
  return {
    type: 'RotatingPoolStarted',
    data: { order, draw, orderVotes, firstDueAt, startedAt: command.now, startedBy: command.actor },
  };
};

const fold = (state: Forming, events: readonly RoscaEvent[], evolve: Evolve): Forming =>
  events.reduce(evolve, state as RoscaState) as Forming;

/** The automatic start once the pool is full and its method has what it needs. */
const startIfReady = (after: Forming, metadata: { readonly now: string; readonly actor: string }): RotatingPoolStarted[] => {
  if (after.members.size < after.configuration.memberCount) return [];
  const start = startEvent(after, metadata, null);
  return start ? [start] : [];
};

/**
 * Records a member whose collateral is in the pool. Joins are chain-first: the worker pulls the collateral of
 * a pending request (RotatingPoolJoinRequested) and then joins the member with what it pulled; the request's
 * lottery commitment is the one recorded.
 */
export const joinRotatingPool = (command: JoinRotatingPool, state: RoscaState, evolve: Evolve): RoscaEvent[] => {
  const s = forming(state);
  const { member, collateral } = command.data;
  if (s.members.has(member)) throw new DomainError('ROSCA.ALREADY_MEMBER', `${member} already joined`, 'conflict');
  if (s.members.size >= s.configuration.memberCount) throw new DomainError('ROSCA.FULL', 'The pool is full', 'conflict');
  const required = collateralFor(s.configuration);
  if (collateral !== required)
    throw new DomainError('ROSCA.WRONG_COLLATERAL', `The collateral is ${required}`, 'invalid', [
      { field: 'collateral', message: `must be ${required}` },
    ]);
  const commitment = s.pendingJoins.get(member)?.commitment ?? command.data.commitment ?? null;
  const lottery = s.configuration.rotationMethod === 'lottery';
  if (lottery && !isHash(commitment))
    throw new DomainError('ROSCA.COMMITMENT_REQUIRED', 'A lottery pool needs a commitment', 'invalid', [
      { field: 'commitment', message: 'must be a 32-byte hash' },
    ]);
  const joined: RoscaEvent = {
    type: 'RotatingPoolMemberJoined',
    data: { member, collateral, commitment: lottery ? commitment : null, joinedAt: command.metadata.now },
  };
  return [joined, ...startIfReady(fold(s, [joined], evolve), command.metadata)];
};

export const revealLotterySecret = (command: RevealLotterySecret, state: RoscaState, evolve: Evolve): RoscaEvent[] => {
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
  return [revealed, ...startIfReady(fold(s, [revealed], evolve), command.metadata)];
};

/** Consensus pools: a member votes for an order of every current member; a majority for one order starts a full pool. */
export const voteOnRotationOrder = (command: VoteOnRotationOrder, state: RoscaState, evolve: Evolve): RoscaEvent[] => {
  const s = forming(state);
  const { member, order } = command.data;
  if (s.configuration.rotationMethod !== 'consensus')
    throw new DomainError('ROSCA.NOT_CONSENSUS', 'This pool does not vote on its order', 'conflict');
  if (!s.members.has(member))
    throw new DomainError('ROSCA.NOT_A_MEMBER', `${member} is not a member`, 'invalid', [
      { field: 'member', message: 'is not a member of this pool' },
    ]);
  if (!Array.isArray(order) || !isFullOrder(s, order as readonly Address[]))
    throw new DomainError('ROSCA.INVALID_ORDER', 'The order must list every member once', 'invalid', [
      { field: 'order', message: 'must list every current member exactly once' },
    ]);
  const previous = s.orderVotes.get(member);
  if (previous && orderKey(previous) === orderKey(order)) return [];
  const voted: RoscaEvent = {
    type: 'RotationOrderVoted',
    data: { member, order: [...(order as readonly Address[])], votedAt: command.metadata.now },
  };
  return [voted, ...startIfReady(fold(s, [voted], evolve), command.metadata)];
};

export const startRotatingPool = (command: StartRotatingPool, state: RoscaState): RotatingPoolStarted[] => {
  const s = forming(state);
  byOrganiser(s, command.metadata.actor);
  if (s.members.size < 2) throw new DomainError('ROSCA.TOO_FEW_MEMBERS', 'A pool starts with at least 2 members', 'conflict');
  const started = startEvent(s, command.metadata, command.data);
  return started ? [started] : [];
};
