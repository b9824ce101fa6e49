import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cancelProposal, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { toProposalView, type ProposalView } from '../../governance-reads/proposals/proposal.view';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import { requireProposalIn } from '../require-proposal-in';
import type { ProposalCancellationMessage } from './cancel-proposal.request.dto';

export class CancelProposalCommand extends Command<ProposalView> {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<ProposalCancellationMessage>,
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * The proposer withdraws their proposal while nobody has voted on it (as OpenZeppelin's Governor lets a
 * proposer cancel while the proposal is pending). The DAO frees the voting slot in the same append.
 */
@CommandHandler(CancelProposalCommand)
export class CancelProposalHandler implements ICommandHandler<CancelProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, verified, requestId }: CancelProposalCommand): Promise<ProposalView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(message.proposalId) },
      decide: (states) => {
        requireProposalIn(daoId, states.proposal);
        return cancelProposal(
          { type: 'CancelProposal', data: { proposalId: message.proposalId, canceledBy: signer }, metadata: { now, actor: signer } },
          states.proposal,
        );
      },
      respond: ({ newState }) => toProposalView(newState.proposal),
      now,
      correlationId: requestId,
    });
  }
}
