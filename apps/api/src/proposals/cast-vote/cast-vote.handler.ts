import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { castVote, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import { requireProposalIn } from '../require-proposal-in';
import { toVoteView, type VoteView } from '../vote.view';
import type { VoteMessage } from './cast-vote.request.dto';

export class CastVoteCommand extends Command<VoteView> {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<VoteMessage>,
    readonly requestId: string,
  ) {
    super();
  }
}

/** Loads the DAO and the proposal (the DAO keeps out voters suspended or gone since the proposal opened). */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, verified, requestId }: CastVoteCommand): Promise<VoteView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(message.proposalId) },
      // Votes on the DAO's other proposals run beside this one; a suspension or removal in this process still waits.
      shared: ['dao'],
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
