import type { Hash } from '../shared/hex';
import type { ProposalState } from '../proposal/proposal-state';
import { operationOf, transactionsOf, type QueuedSafeTransaction, type TreasuryState } from './treasury-state';

/**
 * The execution process manager: from what the log says about one proposal and its DAO's treasury (and the
 * chain's clock), the one thing to do next. The worker performs it, appends what happened, and asks again;
 * since the answer depends only on recorded state, a restart or a second worker asks the same question and
 * gets the same answer, and every chain call it leads to is keyed.
 *
 * Succeeded → propose the schedule Safe tx → signatures → execute it (relayer) → Scheduled (ETA) →
 * execute the batch at the ETA → Executed | Failed. A vetoed proposal whose operation is scheduled, and a
 * failed one whose operation is still on the timelock (anyone may run a ready operation), have it cancelled
 * through the Safe. A Safe transaction abandoned as unable to run is not proposed again for the same purpose.
 */
export type ExecutionStep =
  | { readonly type: 'Wait'; readonly reason: string }
  | { readonly type: 'Done' }
  | { readonly type: 'ProposeSchedule' }
  | { readonly type: 'AwaitSignatures'; readonly safeTxHash: Hash; readonly missing: number }
  | { readonly type: 'ExecuteSafeTransaction'; readonly safeTxHash: Hash }
  | { readonly type: 'WaitUntil'; readonly eta: string; readonly operationId: Hash }
  | { readonly type: 'ExecuteOperation'; readonly operationId: Hash }
  | { readonly type: 'ProposeCancel'; readonly operationId: Hash }
  /** Vetoed while its schedule transaction still awaited signatures: void that transaction's nonce. */
  | { readonly type: 'ProposeReject'; readonly nonce: bigint; readonly safeTxHash: Hash };

export const nextExecutionStep = (
  proposal: ProposalState,
  treasury: TreasuryState,
  /** The latest block's time (ISO): the timelock judges readiness by chain time, not by our clock. */
  chainNow: string,
): ExecutionStep => {
  switch (proposal.status) {
    case 'Absent':
    case 'Active':
    case 'Defeated':
    case 'Expired':
    case 'Executed':
      return { type: 'Done' };
    default:
      break;
  }
  if (treasury.status !== 'Deployed')
    return proposal.status === 'Failed' ? { type: 'Done' } : { type: 'Wait', reason: "the DAO's contracts are not deployed yet" };
  // An attached Safe without the module relay: the timelock could not act as the Safe, so nothing is scheduled.
  if (!treasury.moduleEnabled && (proposal.status === 'Succeeded' || proposal.status === 'Queued' || proposal.status === 'Scheduled'))
    return { type: 'Wait', reason: "the DAO's Safe has not enabled the timelock module yet" };
  const txs = transactionsOf(treasury, proposal.proposalId);
  const operation = operationOf(treasury, proposal.proposalId);

  if (proposal.status === 'Failed') {
    // The batch stays executable by anyone while it is on the timelock: take it off.
    if (operation?.status !== 'Scheduled' && operation?.status !== 'Failed') return { type: 'Done' };
    return cancelStep(txs, operation.operationId, treasury.contracts.threshold);
  }
  if (proposal.status === 'Canceled') {
    if (!proposal.vetoed) return { type: 'Done' };
    if (!operation) {
      const abandoned = txs.find((tx) => tx.purpose === 'schedule' && tx.status === 'AwaitingSignatures');
      if (!abandoned) return { type: 'Done' };
      const reject = txs.find((tx) => tx.purpose === 'reject' && tx.status !== 'Replaced' && tx.status !== 'Failed');
      if (!reject) return { type: 'ProposeReject', nonce: abandoned.nonce, safeTxHash: abandoned.safeTxHash };
      return signaturesStep(reject.safeTxHash, reject.signatures.size, treasury.contracts.threshold, reject.status);
    }
    if (operation.status !== 'Scheduled') return { type: 'Done' };
    return cancelStep(txs, operation.operationId, treasury.contracts.threshold);
  }
  if (operation?.status === 'Scheduled') {
    if (Date.parse(chainNow) >= Date.parse(operation.eta)) return { type: 'ExecuteOperation', operationId: operation.operationId };
    return { type: 'WaitUntil', eta: operation.eta, operationId: operation.operationId };
  }
  if (operation) return { type: 'Done' };
  const schedule = txs.find(
    (tx) => tx.purpose === 'schedule' && tx.status !== 'Replaced' && tx.status !== 'Failed' && tx.status !== 'Abandoned',
  );
  if (!schedule) return { type: 'ProposeSchedule' };
  return signaturesStep(schedule.safeTxHash, schedule.signatures.size, treasury.contracts.threshold, schedule.status);
};

const cancelStep = (txs: readonly QueuedSafeTransaction[], operationId: Hash, threshold: number): ExecutionStep => {
  const cancel = txs.find((tx) => tx.purpose === 'cancel' && tx.status !== 'Replaced' && tx.status !== 'Failed');
  if (!cancel) return { type: 'ProposeCancel', operationId };
  return signaturesStep(cancel.safeTxHash, cancel.signatures.size, threshold, cancel.status);
};

const signaturesStep = (safeTxHash: Hash, signed: number, threshold: number, status: string): ExecutionStep => {
  // Abandoned (it can never run as signed): the reason is recorded; nothing more is tried for it.
  if (status === 'Abandoned') return { type: 'Done' };
  // Executed but its effect (the operation) not recorded yet: the record comes with the execution itself.
  if (status === 'Executed') return { type: 'Wait', reason: 'the Safe transaction executed; recording its effect' };
  if (signed >= threshold) return { type: 'ExecuteSafeTransaction', safeTxHash };
  return { type: 'AwaitSignatures', safeTxHash, missing: threshold - signed };
};
