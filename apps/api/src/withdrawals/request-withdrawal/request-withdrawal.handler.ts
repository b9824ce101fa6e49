import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requestWithdrawal, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { toProposalView } from '../../governance-reads/proposals/proposal.view';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import { toWithdrawalView, type WithdrawalView } from '../withdrawal.view';
import type { WithdrawalRequestMessage } from './request-withdrawal.request.dto';

export class RequestWithdrawalCommand extends Command<WithdrawalView> {
  constructor(
    readonly daoId: string,
    readonly withdrawalId: string,
    /** The WITHDRAW_FUNDS proposal's id, used only when the amount is over the small-withdrawal limit. */
    readonly proposalId: string,
    readonly verified: VerifiedMessage<WithdrawalRequestMessage>,
    readonly requestId: string,
  ) {
    super();
  }
}

/** Small requests are approved at once; a large one opens a WITHDRAW_FUNDS proposal in the same append. */
@CommandHandler(RequestWithdrawalCommand)
export class RequestWithdrawalHandler implements ICommandHandler<RequestWithdrawalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  execute({ daoId, withdrawalId, proposalId, verified, requestId }: RequestWithdrawalCommand): Promise<WithdrawalView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(proposalId) },
      decide: ({ dao }) =>
        requestWithdrawal(
          {
            type: 'RequestWithdrawal',
            data: { withdrawalId, member: signer, amount: BigInt(message.amount), proposalId },
            metadata: { now, actor: signer },
          },
          dao,
        ),
      respond: ({ newState, events }) => {
        const opened = (events.proposal?.length ?? 0) > 0;
        return toWithdrawalView(daoId, newState.dao, withdrawalId, opened ? toProposalView(newState.proposal) : null);
      },
      now,
      correlationId: requestId,
    });
  }
}
