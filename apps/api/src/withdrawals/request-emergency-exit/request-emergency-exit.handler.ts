import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import { toEmergencyExitView, type EmergencyExitView } from '../emergency-exit.view';
import type { EmergencyExitMessage } from './request-emergency-exit.request.dto';

export class RequestEmergencyExitCommand extends Command<EmergencyExitView> {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<EmergencyExitMessage>,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(RequestEmergencyExitCommand)
export class RequestEmergencyExitHandler implements ICommandHandler<RequestEmergencyExitCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, verified, requestId }: RequestEmergencyExitCommand): Promise<EmergencyExitView> {
    const now = new Date().toISOString();
    const member = verified.signer;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId) },
      decide: ({ dao }) => ({
        dao: daoDecider.decide({ type: 'RequestEmergencyExit', data: { member }, metadata: { now, actor: member } }, dao),
      }),
      respond: ({ newState }) => toEmergencyExitView(daoId, newState.dao, member),
      now,
      correlationId: requestId,
    });
  }
}
