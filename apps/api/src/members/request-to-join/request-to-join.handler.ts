import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { memberViewFrom, type MemberView } from '../../governance-reads/members/member.view';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { JoinRequestMessage } from './request-to-join.request.dto';

export class RequestToJoinCommand extends Command<MemberView> {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<JoinRequestMessage>,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(RequestToJoinCommand)
export class RequestToJoinHandler implements ICommandHandler<RequestToJoinCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, verified, requestId }: RequestToJoinCommand): Promise<MemberView> {
    const now = new Date().toISOString();
    const member = verified.signer;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId) },
      decide: ({ dao }) => ({ dao: daoDecider.decide({ type: 'RequestToJoin', data: { member }, metadata: { now, actor: member } }, dao) }),
      respond: ({ newState }) => memberViewFrom(newState.dao, member),
      now,
      correlationId: requestId,
    });
  }
}
