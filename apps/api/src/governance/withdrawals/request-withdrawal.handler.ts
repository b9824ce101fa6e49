import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requestWithdrawal, streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { WithdrawalRequestMessage } from '../../signatures/signed-messages.dto';
import { newId } from '../streams';
import { toProposalView } from '../../governance-reads/proposals/proposal.view';
import { toWithdrawalView, type WithdrawalView } from './withdrawal.view';

export class RequestWithdrawalCommand {
  constructor(
    readonly daoId: string,
    readonly verified: VerifiedMessage<WithdrawalRequestMessage>,
    readonly requestId: string,
  ) {}
}

/** Small requests are approved at once; a large one opens a WITHDRAW_FUNDS proposal in the same append. */
@CommandHandler(RequestWithdrawalCommand)
export class RequestWithdrawalHandler implements ICommandHandler<RequestWithdrawalCommand, WithdrawalView> {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async execute({ daoId, verified, requestId }: RequestWithdrawalCommand): Promise<WithdrawalView> {
    const now = new Date().toISOString();
    const { message, signer } = verified;
    const withdrawalId = newId('wd');
    const proposalId = newId('prop');
    return appendSigned({
      store: this.store,
      verified,
      streams: { dao: streams.dao.of(daoId), proposal: streams.proposal.of(proposalId) },
      decide: (states) =>
        requestWithdrawal(
          {
            type: 'RequestWithdrawal',
            data: { withdrawalId, member: signer, amount: BigInt(message.amount), proposalId },
            metadata: { now, actor: signer },
          },
          states.dao,
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
