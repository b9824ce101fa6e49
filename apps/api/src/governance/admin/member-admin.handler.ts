import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams, type DaoCommand } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { memberViewFrom, type MemberView } from '../../governance-reads/members/member.view';

export type MemberDecision =
  | { readonly type: 'ApproveMember' }
  | { readonly type: 'SuspendMember'; readonly reason: string }
  | { readonly type: 'ReinstateMember'; readonly reason: string };

export class DecideMemberCommand {
  constructor(
    readonly daoId: string,
    readonly member: string,
    readonly decision: MemberDecision,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {}
}

/** Admin approval (hybrid), suspension and reinstatement: one DAO stream, the admin key as actor. */
@CommandHandler(DecideMemberCommand)
export class DecideMemberHandler implements ICommandHandler<DecideMemberCommand, MemberView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, member, decision, actor, requestId, idempotency }: DecideMemberCommand): Promise<MemberView> {
    const now = new Date().toISOString();
    const { type, ...reason } = decision;
    const command = { type, data: { member, ...reason }, metadata: { now, actor } } as DaoCommand;
    const result = await this.store.handle({ dao: streams.dao.of(daoId) }, ({ dao }) => ({ dao: daoDecider.decide(command, dao) }), {
      context: { actor, correlationId: requestId, occurredAt: now },
      ...(idempotency ? { idempotency } : {}),
      respond: ({ newState }) => memberViewFrom(newState.dao, member),
    });
    return result.response;
  }
}
