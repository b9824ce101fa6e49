import type { ChainEffect } from './rosca-effects';
import type { RoscaEvent } from './rosca-events';
import type { RoscaState } from './rosca-state';

type Operation = Extract<
  RoscaEvent,
  {
    type:
      | 'RotatingPoolDeployed'
      | 'RotatingPoolJoinRequested'
      | 'RotatingPoolJoinFailed'
      | 'RotationOrderVoted'
      | 'EarlyPaymentRequested'
      | 'RoundAnnounced'
      | 'ContributionsLate'
      | 'RotatingPoolEffectConfirmed';
  }
>;

const existing = (state: RoscaState, type: string): Exclude<RoscaState, { status: 'ABSENT' }> => {
  if (state.status === 'ABSENT') throw new Error(`${type} on an absent pool`);
  return state;
};

const running = (state: RoscaState, type: string) => {
  if (state.status !== 'ACTIVE' && state.status !== 'EMERGENCY') throw new Error(`${type} on a ${state.status} pool`);
  return state;
};

/** Folds the events of the pool's operation (its contract, pending joins, reminders, chain effects done). */
export const evolveRoscaOperations = (state: RoscaState, event: Operation): RoscaState => {
  switch (event.type) {
    case 'RotatingPoolDeployed':
      return {
        ...existing(state, event.type),
        contract: event.data.address,
        contractBlock: event.data.blockNumber,
        strategy: event.data.strategy ?? null,
      };
    case 'RotatingPoolJoinRequested': {
      const s = existing(state, event.type);
      const pendingJoins = new Map(s.pendingJoins).set(event.data.member, {
        commitment: event.data.commitment,
        requestedAt: event.data.requestedAt,
      });
      return { ...s, pendingJoins };
    }
    case 'RotatingPoolJoinFailed': {
      const s = existing(state, event.type);
      const pendingJoins = new Map(s.pendingJoins);
      pendingJoins.delete(event.data.member);
      return { ...s, pendingJoins };
    }
    case 'RotationOrderVoted': {
      const s = existing(state, event.type);
      return { ...s, orderVotes: new Map(s.orderVotes).set(event.data.member, event.data.order) };
    }
    case 'EarlyPaymentRequested': {
      const s = running(state, event.type);
      return { ...s, round: { ...s.round, earlyRequests: new Set(s.round.earlyRequests).add(event.data.member) } };
    }
    case 'RoundAnnounced': {
      const s = running(state, event.type);
      return { ...s, round: { ...s.round, announced: true } };
    }
    case 'ContributionsLate': {
      const s = running(state, event.type);
      return { ...s, round: { ...s.round, lateMarked: true } };
    }
    case 'RotatingPoolEffectConfirmed': {
      const s = existing(state, event.type);
      const at = s.effects.findIndex((e) => e.key === event.data.key);
      if (at < 0) throw new Error(`No chain effect ${event.data.key}`);
      // The effect shows what the chain paid; the ledger takes the difference from the decision as in and out.
      const effect = s.effects[at];
      const surplus = event.data.surplus ?? 0n;
      const feeDiff = effect.kind === 'settle' ? event.data.fee - effect.fee : 0n;
      const done: ChainEffect =
        effect.kind === 'begin'
          ? { ...effect, confirmed: true }
          : effect.kind === 'settle'
            ? { ...effect, payments: event.data.payments, fee: event.data.fee, confirmed: true }
            : { ...effect, payments: event.data.payments, confirmed: true };
      const ledger = {
        tokensIn: s.ledger.tokensIn + surplus,
        tokensOut: s.ledger.tokensOut + surplus - feeDiff,
        fees: s.ledger.fees + feeDiff,
      };
      return { ...s, ledger, effects: s.effects.map((e, i) => (i === at ? done : e)) };
    }
  }
};
