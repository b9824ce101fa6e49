import type { Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import { initialProposalState } from '../proposal/proposal-state';
import type { RoscaEvent } from '../rotating/rosca-events';
import type { RoscaState } from '../rotating/rosca-state';
import { NO_OPERATION } from './propose-module-enable';
import { recordSafeTransactionExecuted } from './record-safe-execution';
import { decideOrganiserAction, requireOrganisedPool } from './rosca-organiser-action';
import { nextSafeNonce } from './safe-nonce';
import type { ProposeRoscaOrganiserAction, RecordSafeTransactionExecuted } from './treasury-commands';
import type { SafeTransactionProposed, TreasuryEvent } from './treasury-events';
import { requireDeployed, requireSafeTransaction, sameAddress } from './treasury-guards';
import { organiserTransactionsOf, type TreasuryState } from './treasury-state';

/** The treasury and the pool an organiser action works on, appended together. */
export interface OrganiserStates {
  readonly treasury: TreasuryState;
  readonly rosca: RoscaState;
}
export interface OrganiserEvents {
  readonly treasury: readonly TreasuryEvent[];
  readonly rosca: readonly RoscaEvent[];
}

/**
 * Puts the Safe's call of a rotating pool's contract in the treasurers' queue, at the queue's next nonce. It is
 * refused now, with the pool's own reason, when the pool's log would refuse the Safe's command (wrong state,
 * an order that is not every member once, a pause without a reason), when the pool has no contract yet, or when
 * another organiser action of the pool still waits for signatures (one at a time: the Safe's queue is strict,
 * and two actions decided on the same state could contradict each other). The same transaction again is a no-op.
 */
export const proposeRoscaOrganiserAction = (command: ProposeRoscaOrganiserAction, states: OrganiserStates): SafeTransactionProposed[] => {
  const treasury = requireDeployed(states.treasury);
  const { safeTxHash, nonce, onChainNonce, transaction, calls, action } = command.data;
  const pool = requireOrganisedPool(treasury, states.rosca, action.poolId);
  const waiting = organiserTransactionsOf(treasury, action.poolId).find((tx) => tx.status === 'AwaitingSignatures');
  if (waiting?.safeTxHash === safeTxHash) return [];
  if (waiting)
    throw new DomainError(
      'ROSCA.ORGANISER_ACTION_PENDING',
      `The Safe transaction ${waiting.safeTxHash} (${waiting.organiserAction?.action}) of this pool still waits for signatures`,
      'conflict',
    );
  if (pool.contract === null)
    throw new DomainError('ROSCA.NOT_DEPLOYED', "The pool's contract is not deployed yet; try again shortly", 'conflict');
  decideOrganiserAction(pool, action, command.metadata.now);
  const expected = nextSafeNonce(treasury, onChainNonce);
  if (nonce !== expected) throw new DomainError('SAFE_TX.NONCE_NOT_NEXT', `The next Safe nonce is ${expected}, not ${nonce}`, 'conflict');
  if (!sameAddress(transaction.to, pool.contract) || transaction.operation !== 0 || transaction.value !== 0n)
    throw new DomainError('SAFE_TX.NOT_AN_ORGANISER_CALL', "An organiser action is a plain call of the pool's contract", 'invalid');
  return [
    {
      type: 'SafeTransactionProposed',
      data: {
        daoId: treasury.daoId,
        proposalId: null,
        purpose: 'rosca_organiser',
        organiserAction: action,
        safeTxHash,
        nonce,
        transaction,
        operationId: NO_OPERATION,
        salt: NO_OPERATION,
        calls,
        proposedAt: command.metadata.now,
      },
    },
  ];
};

/**
 * Records a `rosca_organiser` Safe transaction's execution (by the relayer's receipt or the indexer, whichever
 * comes first; the second changes nothing) and, in the same append, the pool's command with the Safe as its
 * actor. A failed execution records nothing on the pool. An execution the pool's log refuses now (it moved on
 * while the treasurers signed, e.g. it started by itself) is recorded on the treasury as
 * RoscaOrganiserActionRefused with the reason, and nothing on the pool: the chain call happened, so it is
 * neither retried nor left blocking.
 */
export const recordRoscaOrganiserExecution = (command: RecordSafeTransactionExecuted, states: OrganiserStates): OrganiserEvents => {
  const treasury = requireDeployed(states.treasury);
  const recorded = recordSafeTransactionExecuted(command, { treasury, proposal: initialProposalState() }).treasury;
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  const action = tx.organiserAction;
  if (recorded.length === 0 || !command.data.success || tx.purpose !== 'rosca_organiser' || !action)
    return { treasury: recorded, rosca: [] };
  const refused = (code: string, reason: string): OrganiserEvents => ({
    treasury: [
      ...recorded,
      {
        type: 'RoscaOrganiserActionRefused',
        data: { safeTxHash: tx.safeTxHash, poolId: action.poolId, action: action.action, code, reason, refusedAt: command.metadata.now },
      },
    ],
    rosca: [],
  });
  try {
    const pool = requireOrganisedPool(treasury, states.rosca, action.poolId);
    return { treasury: recorded, rosca: decideOrganiserAction(pool, action, command.metadata.now) };
  } catch (error) {
    if (error instanceof DomainError) return refused(error.code, error.message);
    throw error;
  }
};

/** The pool an organiser transaction acts on, or null for any other transaction. */
export const organiserPoolOf = (state: TreasuryState, safeTxHash: Hash): string | null => {
  if (state.status !== 'Deployed') return null;
  const tx = state.transactions.get(safeTxHash);
  return tx?.purpose === 'rosca_organiser' ? (tx.organiserAction?.poolId ?? null) : null;
};
