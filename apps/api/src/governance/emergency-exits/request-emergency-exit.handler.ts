import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { daoDecider, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { EmergencyExitMessage } from '../../signatures/signed-messages.dto';
import { memberViewFrom } from '../../governance-reads/members/member.view';
import type { EmergencyExitView } from './emergency-exit.view';

export class RequestEmergencyExitCommand {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<EmergencyExitMessage>,
    readonly requestId: string,
  ) {}
}

@CommandHandler(RequestEmergencyExitCommand)
export class RequestEmergencyExitHandler implements ICommandHandler<RequestEmergencyExitCommand, EmergencyExitView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, verified, requestId }: RequestEmergencyExitCommand): Promise<EmergencyExitView> {
    const now = new Date().toISOString();
    const member = verified.signer;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId) },
      decide: ({ dao: state }) => ({
        dao: daoDecider.decide({ type: 'RequestEmergencyExit', data: { member }, metadata: { now, actor: member } }, state),
      }),
      respond: ({ newState }) => {
        const after = newState.dao;
        if (after.status !== 'Active') throw new Error('the DAO vanished while deciding');
        const exit = after.emergencyExits.get(member)!;
        return {
          daoId,
          member: memberViewFrom(after, member),
          requestedAt: exit.requestedAt,
          availableAt: exit.availableAt,
        };
      },
      now,
      correlationId: requestId,
    });
  }
}
