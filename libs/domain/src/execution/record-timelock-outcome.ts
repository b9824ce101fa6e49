import type { DaoState } from '../dao/dao-state';
import { recordProposalExecuted, recordProposalExecutionFailed } from '../proposal/execution';
import type { ProposalState } from '../proposal/proposal-state';
import type { ExecutionEvents, RecordTimelockOperationExecuted, RecordTimelockOperationFailed } from './treasury-commands';
import { requireDeployed, requireOperation } from './treasury-guards';
import type { TreasuryState } from './treasury-state';

type States = { readonly treasury: TreasuryState; readonly proposal: ProposalState; readonly dao: DaoState };
const nothing: ExecutionEvents = { treasury: [], proposal: [], dao: [] };

/** The timelock ran the batch: the proposal is Executed and its effects land on the DAO, in one append. */
export const recordTimelockOperationExecuted = (command: RecordTimelockOperationExecuted, states: States): ExecutionEvents => {
  const treasury = requireDeployed(states.treasury);
  const operation = requireOperation(treasury, command.data.operationId);
  if (operation.status !== 'Scheduled') return nothing;
  const { proposalId, operationId } = operation;
  const { txHash } = command.data;
  const executed =
    states.proposal.status === 'Scheduled'
      ? recordProposalExecuted(
          { type: 'RecordProposalExecuted', data: { proposalId, txHash }, metadata: command.metadata },
          states.proposal,
          states.dao,
        )
      : { proposal: [], dao: [] };
  return {
    treasury: [{ type: 'TimelockOperationExecuted', data: { proposalId, operationId, txHash, executedAt: command.metadata.now } }],
    proposal: executed.proposal,
    dao: executed.dao,
  };
};

/** The batch reverted when run: the proposal Failed with the revert reason; the operation stays ready on chain. */
export const recordTimelockOperationFailed = (command: RecordTimelockOperationFailed, states: States): ExecutionEvents => {
  const treasury = requireDeployed(states.treasury);
  const operation = requireOperation(treasury, command.data.operationId);
  if (operation.status !== 'Scheduled') return nothing;
  const { proposalId, operationId } = operation;
  const { reason } = command.data;
  const failed =
    states.proposal.status === 'Scheduled' || states.proposal.status === 'Queued'
      ? recordProposalExecutionFailed(
          { type: 'RecordProposalExecutionFailed', data: { proposalId, reason }, metadata: command.metadata },
          states.proposal,
        )
      : { proposal: [], dao: [] };
  return {
    treasury: [{ type: 'TimelockOperationFailed', data: { proposalId, operationId, reason, failedAt: command.metadata.now } }],
    proposal: failed.proposal,
    dao: failed.dao,
  };
};
