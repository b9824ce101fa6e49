import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams, vetoProposal } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { toProposalView, type ProposalView } from '../../governance-reads/proposals/proposal.view';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { requireProposalIn } from '../require-proposal-in';

export class VetoProposalCommand extends Command<ProposalView> {
  constructor(
    readonly daoId: string,
    readonly proposalId: string,
    readonly reason: string,
    readonly actor: string,
    readonly requestId: string,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/** The proposal ends as Canceled (vetoed, with the reason); the DAO frees its slot and whatever it held. */
@CommandHandler(VetoProposalCommand)
export class VetoProposalHandler implements ICommandHandler<VetoProposalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, proposalId, reason, actor, requestId, idempotency }: VetoProposalCommand): Promise<ProposalView> {
    const now = new Date().toISOString();
    const { response } = await this.store.handle(
      { dao: streams.dao.of(daoId), proposal: streams.proposal.of(proposalId) },
      (states) => {
        requireProposalIn(daoId, states.proposal);
        return vetoProposal({ type: 'VetoProposal', data: { proposalId, reason }, metadata: { now, actor } }, states.proposal);
      },
      {
        respond: ({ newState }) => toProposalView(newState.proposal),
        context: { actor, correlationId: requestId, occurredAt: now },
        ...(idempotency ? { idempotency } : {}),
      },
    );
    return response;
  }
}
