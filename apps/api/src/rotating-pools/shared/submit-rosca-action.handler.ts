import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { roscaDecider, streams, type Address, type RoscaCommand } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { RoscaMessage } from './rosca-message.dto';
import { toRoscaActionView, type RoscaActionView } from './rosca-action.view';

/** The pool command a verified message asks for, made with the signer and the server's clock. */
export type ToRoscaCommand = (member: Address, now: string) => RoscaCommand;

/**
 * A member's signed action on a pool: every action folder verifies and pre-checks its message, then runs it
 * here, one decide-and-append on the pool's stream with the signer as actor and the nonce claimed with the
 * events (appendSigned), so a replay is refused and two racing actions re-decide.
 */
export class SubmitRoscaActionCommand extends Command<RoscaActionView> {
  constructor(
    readonly daoId: string,
    readonly poolId: string,
    readonly verified: VerifiedMessage<RoscaMessage>,
    readonly now: string,
    readonly toCommand: ToRoscaCommand,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(SubmitRoscaActionCommand)
export class SubmitRoscaActionHandler implements ICommandHandler<SubmitRoscaActionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, poolId, verified, now, toCommand, requestId }: SubmitRoscaActionCommand): Promise<RoscaActionView> {
    const member = verified.signer;
    const command = toCommand(member, now);
    return appendSigned({
      store: this.store,
      verified,
      streams: { rosca: streams.rosca.of(poolId) },
      decide: ({ rosca }) => ({ rosca: roscaDecider.decide(command, rosca) }),
      respond: ({ newState, events }) => toRoscaActionView(daoId, poolId, member, newState.rosca, events.rosca ?? []),
      now,
      correlationId: requestId,
    });
  }
}
