import {
  daoDecider,
  evolveTreasury,
  initialTreasuryState,
  proposalDecider,
  treasuryStreamId,
  type DaoEvent,
  type DaoState,
  type ExecutionEvents,
  type ExecutionStates,
  type ProposalEvent,
  type ProposalState,
  type TreasuryEvent,
  type TreasuryState,
} from '@ayllu/domain';
import { handleStreams, type NewEvent, type PostgresEventStore, type StreamFold } from '@ayllu/event-store';

export const daoFold = (daoId: string): StreamFold<DaoState, DaoEvent> => ({
  streamId: `dao-${daoId}`,
  evolve: daoDecider.evolve,
  initialState: daoDecider.initialState,
});
export const proposalFold = (proposalId: string): StreamFold<ProposalState, ProposalEvent> => ({
  streamId: `proposal-${proposalId}`,
  evolve: proposalDecider.evolve,
  initialState: proposalDecider.initialState,
});
export const treasuryFold = (daoId: string): StreamFold<TreasuryState, TreasuryEvent> => ({
  streamId: treasuryStreamId(daoId),
  evolve: evolveTreasury,
  initialState: initialTreasuryState,
});

const load = async <S, E extends NewEvent>(store: PostgresEventStore, fold: StreamFold<S, E>): Promise<S> =>
  (await store.readStream(fold.streamId)).reduce(
    (s, e) => fold.evolve(s, { type: e.type, data: e.data } as unknown as E),
    fold.initialState(),
  );

export const loadExecution = async (store: PostgresEventStore, daoId: string, proposalId: string): Promise<ExecutionStates> => {
  const [dao, proposal, treasury] = await Promise.all([
    load(store, daoFold(daoId)),
    load(store, proposalFold(proposalId)),
    load(store, treasuryFold(daoId)),
  ]);
  return { dao, proposal, treasury };
};

export const loadTreasury = (store: PostgresEventStore, daoId: string): Promise<TreasuryState> => load(store, treasuryFold(daoId));

/** Runs an execution use case over the DAO, proposal and treasury streams and appends its events atomically. */
export const appendExecution = (
  store: PostgresEventStore,
  ids: { readonly daoId: string; readonly proposalId: string },
  decide: (states: ExecutionStates) => ExecutionEvents,
  context: { readonly actor: string; readonly now: () => string; readonly correlationId: string },
) =>
  handleStreams({
    store,
    streams: { dao: daoFold(ids.daoId), proposal: proposalFold(ids.proposalId), treasury: treasuryFold(ids.daoId) },
    decide: (states) => decide(states as ExecutionStates),
    context: { actor: context.actor, correlationId: context.correlationId, occurredAt: context.now() },
  });
