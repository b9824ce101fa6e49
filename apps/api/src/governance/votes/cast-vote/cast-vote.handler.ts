import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { castVote, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../../shared/tokens';
import { appendSigned } from '../../../signatures/append-signed';
import type { VerifiedMessage } from '../../../signatures/signature-verifier';
import type { VoteMessage } from '../../../signatures/signed-messages.dto';
import { requireProposalIn } from '../../streams';
import { toVoteView, type VoteView } from '../vote.view';

export class CastVoteCommand {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<VoteMessage>,
    readonly requestId: string,
  ) {}
}

/** Loads the DAO and the proposal (the DAO keeps out voters suspended or gone since the proposal opened). */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand, VoteView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, verified, requestId }: CastVoteCommand): Promise<VoteView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(message.proposalId) },
      decide: (states) => {
        requireProposalIn(daoId, states.proposal);
        return castVote(
          {
            type: 'CastVote',
            data: {
              proposalId: message.proposalId,
              voter: signer,
              choice: message.support,
              ...(message.reason ? { reason: message.reason } : {}),
            },
            metadata: { now, actor: signer },
          },
          states.proposal,
          states.dao,
        );
      },
      respond: ({ newState, events }) =>
        toVoteView(
          newState.proposal,
          (events.proposal ?? []).find((e) => e.type === 'VoteCast'),
          signer,
        ),
      now,
      correlationId: requestId,
    });
  }
}
