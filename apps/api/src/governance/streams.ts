import { randomBytes } from 'node:crypto';
import {
  daoDecider,
  DomainError,
  proposalDecider,
  type DaoEvent,
  type DaoState,
  type ProposalEvent,
  type ProposalState,
} from '@ayllu/domain';
import type { NewEvent, StreamFold } from '@ayllu/event-store';

/** Where the two aggregates live: `dao-<daoId>` and `proposal-<proposalId>`. */
export const daoStream = (daoId: string): StreamFold<DaoState, DaoEvent> => ({
  streamId: `dao-${daoId}`,
  evolve: daoDecider.evolve,
  initialState: daoDecider.initialState,
});

export const proposalStream = (proposalId: string): StreamFold<ProposalState, ProposalEvent> => ({
  streamId: `proposal-${proposalId}`,
  evolve: proposalDecider.evolve,
  initialState: proposalDecider.initialState,
});

/** The state after `events`, for building the response from what the write produced. */
export const stateAfter = <S, E extends NewEvent>(fold: StreamFold<S, E>, state: S, events: readonly NewEvent[] | undefined): S =>
  (events ?? []).reduce<S>((s, e) => fold.evolve(s, e as E), state);

/** A proposal id under another DAO's route is as absent as one that never existed. */
export const requireProposalIn = (daoId: string, state: ProposalState): void => {
  if (state.status === 'Absent' || state.daoId !== daoId)
    throw new DomainError('PROPOSAL.NOT_FOUND', 'No such proposal in this DAO', 'not-found');
};

/** Time-ordered, unguessable ids, like DAO ids: `<prefix>_` + 12 hex of milliseconds + 16 random hex. */
export const newId = (prefix: 'prop' | 'wd'): string =>
  `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
