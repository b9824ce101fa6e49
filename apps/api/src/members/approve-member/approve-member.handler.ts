import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { MemberView } from '../../governance-reads/members/member.view';
import { decideMember } from '../decide-member';
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

  execute(command: ApproveMemberCommand): Promise<MemberView> {
    return decideMember(this.store, command, (metadata) => ({ type: 'ApproveMember', data: { member: command.member }, metadata }));
  }
}
