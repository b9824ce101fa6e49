import type { ProposalEvent } from '../proposal/proposal-events';
import type { DaoEvent } from '../dao/dao-events';
import { recordProposalExecutionFailed, scheduleProposal } from '../proposal/execution';
import type { ProposalState } from '../proposal/proposal-state';
import type { ExecutionEvents, RecordSafeTransactionExecuted } from './treasury-commands';
import type { TreasuryEvent } from './treasury-events';
import { requireDeployed, requireSafeTransaction } from './treasury-guards';
import type { TreasuryState } from './treasury-state';

/**
 * The Safe ran a transaction (seen by the relayer's receipt or by the indexer, whichever comes first; the
 * second changes nothing). Others waiting with the same nonce can never run: they are marked replaced. A
 * schedule puts the operation in the timelock with its ETA, and the proposal becomes Scheduled; the DAO's
 * setup transaction enables the module relay on an attached Safe (SafeModuleEnabled).
 */
export const recordSafeTransactionExecuted = (
  command: RecordSafeTransactionExecuted,
  states: { readonly treasury: TreasuryState; readonly proposal: ProposalState },
): ExecutionEvents => {
  const treasury = requireDeployed(states.treasury);
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  if (tx.status === 'Executed' || tx.status === 'Failed') return { treasury: [], proposal: [], dao: [] };
  const { now } = command.metadata;
  const { txHash, success, eta } = command.data;
  const events: TreasuryEvent[] = [
    {
      type: 'SafeTransactionExecuted',
      data: { safeTxHash: tx.safeTxHash, proposalId: tx.proposalId, nonce: tx.nonce, txHash, success, executedAt: now },
    },
  ];
  for (const other of treasury.transactions.values()) {
    if (other.nonce === tx.nonce && other.safeTxHash !== tx.safeTxHash && other.status === 'AwaitingSignatures')
      events.push({
        type: 'SafeTransactionReplaced',
        data: { safeTxHash: other.safeTxHash, nonce: other.nonce, replacedBy: tx.safeTxHash, replacedAt: now },
      });
  }
  if (tx.proposalId === null) {
    // The DAO's setup transaction: the attached Safe now has the module relay (a failure is proposed afresh).
    const module = treasury.contracts.moduleRelay;
    if (success && tx.purpose === 'enable_module' && module && !treasury.moduleEnabled)
      events.push({ type: 'SafeModuleEnabled', data: { daoId: treasury.daoId, module, txHash, enabledAt: now } });
    return { treasury: events, proposal: [], dao: [] };
  }
  let proposal: ProposalEvent[] = [];
  let dao: DaoEvent[] = [];
  const { operationId } = tx;
  const proposalId: string = tx.proposalId;
  const state = states.proposal;
  if (!success) {
    if (tx.purpose === 'schedule' && state.status === 'Queued') {
      const failed = recordProposalExecutionFailed(
        {
          type: 'RecordProposalExecutionFailed',
          data: { proposalId, reason: 'The Safe transaction failed (ExecutionFailure)' },
          metadata: command.metadata,
        },
        state,
      );
      proposal = [...failed.proposal];
      dao = [...failed.dao];
    }
  } else if (tx.purpose === 'schedule') {
    const at = eta ?? now;
    events.push({ type: 'TimelockOperationScheduled', data: { proposalId, operationId, eta: at, txHash, scheduledAt: now } });
    if (state.status === 'Queued')
      proposal = scheduleProposal(
        { type: 'ScheduleProposal', data: { proposalId, operationId, eta: at }, metadata: command.metadata },
        state,
      );
  } else if (tx.purpose === 'cancel') {
    events.push({ type: 'TimelockOperationCancelled', data: { proposalId, operationId, txHash, cancelledAt: now } });
  }
  return { treasury: events, proposal, dao };
};
