import { DomainError } from '../shared/domain-error';
import { queueProposal } from '../proposal/execution';
import type { ProposalState } from '../proposal/proposal-state';
import { executionSalt } from './execution-salt';
import { nextSafeNonce } from './safe-nonce';
import type { ExecutionEvents, ProposeSafeTransaction } from './treasury-commands';
import { requireDeployed } from './treasury-guards';
import { operationOf, transactionsOf, type DeployedTreasury, type TreasuryState } from './treasury-state';

const LIVE = new Set(['AwaitingSignatures', 'Executed']);

/**
 * Puts a Safe transaction in the treasurers' queue: one that schedules a Succeeded proposal's batch (the
 * proposal becomes Queued), or one that cancels a vetoed or failed proposal's operation. Proposing twice
 * for the same purpose is a no-op while the first is alive, so a retried or duplicated step appends nothing.
 */
export const proposeSafeTransaction = (
  command: ProposeSafeTransaction,
  states: { readonly treasury: TreasuryState; readonly proposal: ProposalState },
): ExecutionEvents => {
  const treasury = requireDeployed(states.treasury);
  const { proposalId, purpose, nonce, onChainNonce, salt } = command.data;
  const alive = transactionsOf(treasury, proposalId).some((tx) => tx.purpose === purpose && LIVE.has(tx.status));
  if (alive) return { treasury: [], proposal: [], dao: [] };
  const proposal = states.proposal;
  if (purpose === 'reject') return proposeReject(command, treasury, proposal);
  const expected = nextSafeNonce(treasury, onChainNonce);
  if (nonce !== expected) throw new DomainError('SAFE_TX.NONCE_NOT_NEXT', `The next Safe nonce is ${expected}, not ${nonce}`, 'conflict');
  if (salt !== executionSalt(proposalId))
    throw new DomainError('SAFE_TX.SALT_MISMATCH', 'The timelock salt must derive from the proposal id', 'invalid');

  let proposalEvents: ExecutionEvents['proposal'] = [];
  if (purpose === 'schedule') {
    if (proposal.status === 'Succeeded')
      proposalEvents = queueProposal(
        { ...command, type: 'QueueProposal', data: { proposalId, safeTxHash: command.data.safeTxHash } },
        proposal,
      );
    // Queued already: its earlier transaction was replaced; the new one takes over without a new ProposalQueued.
    else if (proposal.status !== 'Queued')
      throw new DomainError('PROPOSAL.NOT_EXECUTABLE', `A ${proposal.status} proposal is not executed`, 'conflict');
  } else {
    const operation = operationOf(treasury, proposalId);
    const vetoed = proposal.status === 'Canceled' && proposal.vetoed && operation?.status === 'Scheduled';
    // A failed proposal's operation is still on the timelock, runnable by anyone, whatever the log recorded of it.
    const failed = proposal.status === 'Failed' && (operation?.status === 'Scheduled' || operation?.status === 'Failed');
    if (!(vetoed || failed) || operation?.operationId !== command.data.operationId)
      throw new DomainError(
        'TIMELOCK.NOTHING_TO_CANCEL',
        'Only a vetoed or failed proposal whose operation is on the timelock is cancelled',
        'conflict',
      );
  }
  const { onChainNonce: _read, ...data } = command.data;
  return {
    treasury: [{ type: 'SafeTransactionProposed', data: { ...data, daoId: treasury.daoId, proposedAt: command.metadata.now } }],
    proposal: proposalEvents,
    dao: [],
  };
};

/** A reject takes the nonce of the vetoed proposal's unexecuted schedule transaction, not the next one. */
const proposeReject = (command: ProposeSafeTransaction, treasury: DeployedTreasury, proposal: ProposalState): ExecutionEvents => {
  const { proposalId, nonce } = command.data;
  const vetoed = proposal.status === 'Canceled' && proposal.vetoed;
  const abandoned = transactionsOf(treasury, proposalId).find((tx) => tx.purpose === 'schedule' && tx.status === 'AwaitingSignatures');
  if (!vetoed || !abandoned || operationOf(treasury, proposalId))
    throw new DomainError(
      'SAFE_TX.NOTHING_TO_REJECT',
      'Only a vetoed proposal whose schedule transaction never ran is rejected',
      'conflict',
    );
  if (nonce !== abandoned.nonce)
    throw new DomainError(
      'SAFE_TX.NONCE_NOT_NEXT',
      `A reject takes the abandoned transaction's nonce ${abandoned.nonce}, not ${nonce}`,
      'conflict',
    );
  const { onChainNonce: _read, ...data } = command.data;
  return {
    treasury: [{ type: 'SafeTransactionProposed', data: { ...data, daoId: treasury.daoId, proposedAt: command.metadata.now } }],
    proposal: [],
    dao: [],
  };
};
