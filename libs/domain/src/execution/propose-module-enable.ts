import { DomainError } from '../shared/domain-error';
import type { Hash } from '../shared/hex';
import { nextSafeNonce } from './safe-nonce';
import type { ProposeModuleEnable, RecordSafeModuleEnabled } from './treasury-commands';
import type { SafeModuleEnabled, SafeTransactionAbandoned, SafeTransactionProposed } from './treasury-events';
import { requireDeployed, sameAddress } from './treasury-guards';
import { setupTransactionsOf, type DeployedTreasury, type TreasuryState } from './treasury-state';

/** The setup transaction schedules nothing in the timelock: its operation id and salt are zero. */
export const NO_OPERATION: Hash = `0x${'0'.repeat(64)}`;

const LIVE = new Set(['AwaitingSignatures', 'Executed']);

/** A treasury whose attached Safe is still to enable the module relay; refused when there is nothing to set up. */
const requirePendingSetup = (state: TreasuryState): DeployedTreasury => {
  const treasury = requireDeployed(state);
  if (!treasury.attached || treasury.moduleEnabled || !treasury.contracts.moduleRelay)
    throw new DomainError('SAFE_TX.NOTHING_TO_SET_UP', "The DAO's Safe has its module enabled already", 'conflict');
  return treasury;
};

/**
 * Puts the attached Safe's setup transaction in the treasurers' queue: the Safe calling `enableModule` on
 * itself, at the queue's next nonce. The treasurers sign it like any other; once it runs the timelock can
 * act as the Safe. Proposing again while one is alive is a no-op, so a retried step appends nothing.
 */
export const proposeModuleEnable = (command: ProposeModuleEnable, state: TreasuryState): SafeTransactionProposed[] => {
  const treasury = requirePendingSetup(state);
  if (setupTransactionsOf(treasury).some((tx) => LIVE.has(tx.status))) return [];
  const { safeTxHash, nonce, onChainNonce, transaction, calls } = command.data;
  const expected = nextSafeNonce(treasury, onChainNonce);
  if (nonce !== expected) throw new DomainError('SAFE_TX.NONCE_NOT_NEXT', `The next Safe nonce is ${expected}, not ${nonce}`, 'conflict');
  if (!sameAddress(transaction.to, treasury.contracts.safe) || transaction.operation !== 0 || transaction.value !== 0n)
    throw new DomainError('SAFE_TX.NOT_A_SETUP_CALL', 'The setup transaction is a plain call of the Safe on itself', 'invalid');
  return [
    {
      type: 'SafeTransactionProposed',
      data: {
        daoId: treasury.daoId,
        proposalId: null,
        purpose: 'enable_module',
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
 * The chain shows the module relay enabled by some other transaction (the treasurers enabled it themselves):
 * record it, and take the setup transaction still waiting for signatures out of the queue, or its nonce would
 * be held for a transaction nobody needs.
 */
export const recordSafeModuleEnabled = (
  command: RecordSafeModuleEnabled,
  state: TreasuryState,
): (SafeModuleEnabled | SafeTransactionAbandoned)[] => {
  const treasury = requireDeployed(state);
  if (treasury.moduleEnabled) return [];
  const { now } = command.metadata;
  const abandoned: SafeTransactionAbandoned[] = setupTransactionsOf(treasury)
    .filter((tx) => tx.status === 'AwaitingSignatures')
    .map((tx) => ({
      type: 'SafeTransactionAbandoned',
      data: {
        safeTxHash: tx.safeTxHash,
        proposalId: null,
        nonce: tx.nonce,
        reason: 'The module was enabled on the Safe by another transaction',
        abandonedAt: now,
      },
    }));
  return [
    ...abandoned,
    { type: 'SafeModuleEnabled', data: { daoId: treasury.daoId, module: command.data.module, txHash: null, enabledAt: now } },
  ];
};
