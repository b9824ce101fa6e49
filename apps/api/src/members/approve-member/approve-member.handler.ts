import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams, type Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { memberViewFrom, type MemberView } from '../../governance-reads/members/member.view';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';

export class ApproveMemberCommand extends Command<MemberView> {
  constructor(
    readonly daoId: string,
    /** Checksummed. */
    readonly member: Address,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/** Hybrid DAOs: the admin key that approved is the actor; a sufficient deposit already made activates at once. */
@CommandHandler(ApproveMemberCommand)
export class ApproveMemberHandler implements ICommandHandler<ApproveMemberCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, member, actor, requestId, idempotency }: ApproveMemberCommand): Promise<MemberView> {
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { dao: streams.dao.of(daoId) },
      ({ dao }) => ({ dao: daoDecider.decide({ type: 'ApproveMember', data: { member }, metadata: { now, actor } }, dao) }),
      {
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
        respond: ({ newState }) => memberViewFrom(newState.dao, member),
      },
    );
    return response;
  }
}
