import { streams, type ExecutionEvents, type ExecutionStates } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';

/** The three streams an execution use case works on: the DAO, the proposal and the DAO's treasury. */
export const executionStreams = (daoId: string, proposalId: string) => ({
  dao: streams.dao.of(daoId),
  proposal: streams.proposal.of(proposalId),
  treasury: streams.treasury.of(daoId),
});

export const loadExecution = async (store: PostgresEventStore, daoId: string, proposalId: string): Promise<ExecutionStates> => {
  const refs = executionStreams(daoId, proposalId);
  const [dao, proposal, treasury] = await Promise.all([store.load(refs.dao), store.load(refs.proposal), store.load(refs.treasury)]);
  return { dao: dao.state, proposal: proposal.state, treasury: treasury.state };
};

/** Runs an execution use case over the DAO, proposal and treasury streams and appends its events atomically. */
export const appendExecution = (
  store: PostgresEventStore,
  ids: { readonly daoId: string; readonly proposalId: string },
  decide: (states: ExecutionStates) => ExecutionEvents,
  context: { readonly actor: string; readonly now: () => string; readonly correlationId: string },
) =>
  store.handle(executionStreams(ids.daoId, ids.proposalId), decide, {
    context: { actor: context.actor, correlationId: context.correlationId, occurredAt: context.now() },
  });
