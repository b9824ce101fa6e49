import { recordProposalExecutionFailed } from '../proposal/execution';
import type { ProposalState } from '../proposal/proposal-state';
import type { AbandonSafeTransaction, ExecutionEvents } from './treasury-commands';
import { requireDeployed, requireSafeTransaction } from './treasury-guards';
import type { TreasuryState } from './treasury-state';

/**
 * The Safe transaction can never run as signed: the platform stops trying and records why. A proposal
 * waiting on it to schedule its batch has Failed with that reason (in the same append); a cancel or reject
 * that can no longer run ends there (the execution step does not propose it again).
 */
export const abandonSafeTransaction = (
  command: AbandonSafeTransaction,
  states: { readonly treasury: TreasuryState; readonly proposal: ProposalState },
): ExecutionEvents => {
  const treasury = requireDeployed(states.treasury);
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  if (tx.status !== 'AwaitingSignatures') return { treasury: [], proposal: [], dao: [] };
  const { reason } = command.data;
  const failed =
    tx.purpose === 'schedule' && tx.proposalId !== null && states.proposal.status === 'Queued'
      ? recordProposalExecutionFailed(
          {
            type: 'RecordProposalExecutionFailed',
            data: { proposalId: tx.proposalId, reason: `The Safe transaction ${tx.safeTxHash} cannot run: ${reason}` },
            metadata: command.metadata,
          },
          states.proposal,
        )
      : { proposal: [], dao: [] };
  return {
    treasury: [
      {
        type: 'SafeTransactionAbandoned',
        data: { safeTxHash: tx.safeTxHash, proposalId: tx.proposalId, nonce: tx.nonce, reason, abandonedAt: command.metadata.now },
      },
    ],
    proposal: failed.proposal,
    dao: failed.dao,
  };
};
