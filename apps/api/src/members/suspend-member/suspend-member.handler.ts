import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { MemberView } from '../../governance-reads/members/member.view';
import { decideMember } from '../decide-member';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';

export class SuspendMemberCommand extends Command<MemberView> {
  constructor(
    readonly daoId: string,
    /** Checksummed. */
    readonly member: Address,
    readonly reason: string,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

@CommandHandler(SuspendMemberCommand)
export class SuspendMemberHandler implements ICommandHandler<SuspendMemberCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute(command: SuspendMemberCommand): Promise<MemberView> {
    return decideMember(this.store, command, (metadata) => ({
      type: 'SuspendMember',
      data: { member: command.member, reason: command.reason },
      metadata,
    }));
  }
}
