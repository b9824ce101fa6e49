import { daoDecider, streams, type ActiveDao, type DaoCommand, type DaoEvent } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { requireDaoId } from '../shared/dao-lookup';
import type { IdempotencyScope } from '../shared/idempotency';

export interface AdminDecision {
  readonly daoId: string;
  readonly actor: string;
  readonly requestId: string;
  readonly idempotency?: IdempotencyScope | undefined;
}

/** A decision about who administers a DAO: the DAO's stream alone, the acting admin recorded, the DAO after it answered. */
export const decideAdmins = async <R>(
  store: PostgresEventStore,
  { daoId, actor, requestId, idempotency }: AdminDecision,
  command: (metadata: { readonly now: string; readonly actor: string }) => DaoCommand,
  respond: (dao: ActiveDao, events: readonly DaoEvent[]) => R,
): Promise<R> => {
  requireDaoId(daoId);
  const now = new Date().toISOString();
  const { response } = await store.handle(
    { dao: streams.dao.of(daoId) },
    ({ dao }) => ({ dao: daoDecider.decide(command({ now, actor }), dao) }),
    {
      context: { actor, correlationId: requestId, occurredAt: now },
      ...(idempotency ? { idempotency } : {}),
      respond: ({ newState, events }) => {
        if (newState.dao.status !== 'Active') throw new Error('an admin decision left no DAO');
        return respond(newState.dao, events.dao ?? []);
      },
    },
  );
  return response;
};
