import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { JoinRequestMessage } from '../../signatures/signed-messages.dto';
import { memberViewFrom, type MemberView } from '../../governance-reads/members/member.view';

export class RequestToJoinCommand {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<JoinRequestMessage>,
    readonly requestId: string,
  ) {}
}

@CommandHandler(RequestToJoinCommand)
export class RequestToJoinHandler implements ICommandHandler<RequestToJoinCommand, MemberView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, verified, requestId }: RequestToJoinCommand): Promise<MemberView> {
    const now = new Date().toISOString();
    const member = verified.signer;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId) },
      decide: ({ dao: state }) => ({
        dao: daoDecider.decide({ type: 'RequestToJoin', data: { member }, metadata: { now, actor: member } }, state),
      }),
      respond: ({ newState }) => memberViewFrom(newState.dao, member),
      now,
      correlationId: requestId,
    });
  }
}
