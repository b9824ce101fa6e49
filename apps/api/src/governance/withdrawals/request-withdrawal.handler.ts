import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requestWithdrawal } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { EVENT_STORE } from '../../shared/tokens';
import { appendSigned } from '../../signatures/append-signed';
import type { VerifiedMessage } from '../../signatures/signature-verifier';
import type { WithdrawalRequestMessage } from '../../signatures/signed-messages.dto';
import { daoStream, newId, proposalStream, stateAfter } from '../streams';
import { toProposalView } from '../views/proposal.view';
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
    const dao = daoStream(daoId);
    const proposal = proposalStream(newId('prop'));
    const proposalId = proposal.streamId.slice('proposal-'.length);
    return (await appendSigned({
      store: this.store,
      verified,
      streams: { dao, proposal },
      decide: (states) =>
        requestWithdrawal(
          {
            type: 'RequestWithdrawal',
            data: { withdrawalId, member: signer, amount: BigInt(message.amount), proposalId },
            metadata: { now, actor: signer },
          },
          states.dao,
        ),
      respond: (states, decided) => {
        const opened = (decided.proposal?.length ?? 0) > 0;
        const proposalView = opened ? toProposalView(stateAfter(proposal, states.proposal, decided.proposal)) : null;
        return toWithdrawalView(daoId, stateAfter(dao, states.dao, decided.dao), withdrawalId, proposalView);
      },
      now,
      correlationId: requestId,
    })) as WithdrawalView;
  }
}
