import {
  initialProposalState,
  streams,
  type ExecutionEvents,
  type ExecutionStates,
  type OrganiserEvents,
  type OrganiserStates,
  type SharePoolCreatorEvents,
  type SharePoolCreatorStates,
} from '@ayllu/domain';
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

/**
 * Runs an execution use case for the DAO's own setup transaction, which belongs to no proposal: it sees no
 * proposal (Absent), and only its treasury and DAO events are appended.
 */
export const appendSetup = (
  store: PostgresEventStore,
  daoId: string,
  decide: (states: ExecutionStates) => ExecutionEvents,
  context: { readonly actor: string; readonly now: () => string; readonly correlationId: string },
) =>
  store.handle(
    { dao: streams.dao.of(daoId), treasury: streams.treasury.of(daoId) },
    (states) => {
      const events = decide({ ...states, proposal: initialProposalState() });
      if (events.proposal.length > 0) throw new Error("The DAO's setup transaction produced proposal events");
      return { dao: events.dao, treasury: events.treasury };
    },
    { context: { actor: context.actor, correlationId: context.correlationId, occurredAt: context.now() } },
  );

/**
 * Runs a use case of a rotating pool's organiser transaction over the DAO's treasury and the pool's stream and
 * appends both atomically: the Safe transaction's outcome and the pool's command it carried out are one fact.
 */
export const appendOrganiser = (
  store: PostgresEventStore,
  ids: { readonly daoId: string; readonly poolId: string },
  decide: (states: OrganiserStates) => OrganiserEvents,
  context: { readonly actor: string; readonly now: () => string; readonly correlationId: string },
) =>
  store.handle({ treasury: streams.treasury.of(ids.daoId), rosca: streams.rosca.of(ids.poolId) }, decide, {
    context: { actor: context.actor, correlationId: context.correlationId, occurredAt: context.now() },
  });

/**
 * Runs a use case of a share pool creator's Safe transaction over the DAO's treasury and the pool's stream and
 * appends both atomically, as appendOrganiser does for rotating pools.
 */
export const appendSharePoolCreator = (
  store: PostgresEventStore,
  ids: { readonly daoId: string; readonly poolId: string },
  decide: (states: SharePoolCreatorStates) => SharePoolCreatorEvents,
  context: { readonly actor: string; readonly now: () => string; readonly correlationId: string },
) =>
  store.handle({ treasury: streams.treasury.of(ids.daoId), sharePool: streams.sharePool.of(ids.poolId) }, decide, {
    context: { actor: context.actor, correlationId: context.correlationId, occurredAt: context.now() },
  });
