import { daoDecider, streams, type Address, type DaoCommand } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { memberViewFrom, type MemberView } from '../governance-reads/members/member.view';
import type { IdempotencyScope } from '../shared/idempotency';

export interface MemberDecision {
  readonly daoId: string;
  readonly member: Address;
  readonly actor: string;
  readonly requestId: string;
  readonly idempotency: IdempotencyScope | undefined;
}

/** An admin's decision about one member: the DAO's stream alone, the admin as actor, the member as the answer. */
export const decideMember = async (
  store: PostgresEventStore,
  { daoId, member, actor, requestId, idempotency }: MemberDecision,
  command: (metadata: { readonly now: string; readonly actor: string }) => DaoCommand,
): Promise<MemberView> => {
  const now = new Date().toISOString();
  const { response } = await store.handle(
    { dao: streams.dao.of(daoId) },
    ({ dao }) => ({ dao: daoDecider.decide(command({ now, actor }), dao) }),
    {
      context: { actor, correlationId: requestId, occurredAt: now },
      ...(idempotency ? { idempotency } : {}),
      respond: ({ newState }) => memberViewFrom(newState.dao, member),
    },
  );
  return response;
};
