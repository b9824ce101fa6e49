import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { castVote, type VoteCast } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../../shared/tokens';
import { appendSigned } from '../../../signatures/append-signed';
import type { VerifiedMessage } from '../../../signatures/signature-verifier';
import type { VoteMessage } from '../../../signatures/signed-messages.dto';
import { daoStream, proposalStream, requireProposalIn, stateAfter } from '../../streams';
import { toProposalView, type ProposalView } from '../../views/proposal.view';
import type { VoteView } from '../vote.view';

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
    const proposal = proposalStream(message.proposalId);
    return (await appendSigned({
      store: this.store,
      verified,
      streams: { dao: daoStream(daoId), proposal },
      decide: (states) => {
        requireProposalIn(daoId, states.proposal);
        return castVote(
          {
            type: 'CastVote',
            data: { proposalId: message.proposalId, voter: signer, choice: message.support, ...(message.reason ? { reason: message.reason } : {}) },
            metadata: { now, actor: signer },
          },
          states.proposal,
          states.dao,
        );
      },
      respond: (states, decided) => {
        const after = stateAfter(proposal, states.proposal, decided.proposal);
        const cast = (decided.proposal ?? []).find((e) => e.type === 'VoteCast') as VoteCast | undefined;
        const view = toProposalView(after) as ProposalView;
        const ballot = after.status === 'Absent' ? undefined : after.ballots.get(signer);
        return {
          proposalId: message.proposalId,
          voter: signer,
          support: cast?.data.choice ?? ballot?.choice ?? message.support,
          weight: (cast?.data.weight ?? ballot?.weight ?? 0n).toString(),
          replaces: cast?.data.replaces ?? null,
          castAt: cast?.data.castAt ?? now,
          ...(message.reason ? { reason: message.reason } : {}),
          proposal: view,
        } satisfies VoteView;
      },
      now,
      correlationId: requestId,
    })) as VoteView;
  }
}
