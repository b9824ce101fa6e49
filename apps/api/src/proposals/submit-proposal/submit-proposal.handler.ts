import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams, submitProposal } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { toProposalView, type ProposalView } from '../../governance-reads/proposals/proposal.view';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { ProposalMessage } from './submit-proposal.request.dto';

export class SubmitProposalCommand extends Command<ProposalView> {
  constructor(
    readonly daoId: string,
    readonly proposalId: string,
    readonly verified: VerifiedMessage<ProposalMessage>,
    /** The signed canonical payload, parsed, amounts as bigint. */
    readonly payload: Record<string, unknown>,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(SubmitProposalCommand)
export class SubmitProposalHandler implements ICommandHandler<SubmitProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, proposalId, verified, payload, requestId }: SubmitProposalCommand): Promise<ProposalView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(proposalId) },
      decide: ({ dao }) =>
        submitProposal(
          {
            type: 'SubmitProposal',
            data: { proposalId, proposer: signer, type: message.type, payload, title: message.title, description: message.description },
            metadata: { now, actor: signer },
          },
          dao,
        ),
      respond: ({ newState }) => toProposalView(newState.proposal),
      now,
      correlationId: requestId,
    });
  }
}
