import type { Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import type { AddSafeSignature, DropSafeSignatures } from './treasury-commands';
import type { SafeTransactionSignatureAdded, SafeTransactionSignatureDropped, SafeTransactionSignatureReplaced } from './treasury-events';
import { requireDeployed, requireSafeTransaction, sameAddress } from './treasury-guards';
import type { TreasuryState } from './treasury-state';

/**
 * A treasurer's signature joins the transaction. The same signature again changes nothing; a different one
 * from the same owner replaces theirs (an owner may re-sign, e.g. after a wallet produced a signature the Safe
 * reads differently), recorded as its own event.
 */
export const addSafeSignature = (
  command: AddSafeSignature,
  state: TreasuryState,
): (SafeTransactionSignatureAdded | SafeTransactionSignatureReplaced)[] => {
  const treasury = requireDeployed(state);
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  const { signer, signature } = command.data;
  const previous = [...tx.signatures].find(([known]) => sameAddress(known, signer))?.[1];
  if (previous !== undefined && previous.toLowerCase() === signature.toLowerCase()) return [];
  if (tx.status !== 'AwaitingSignatures')
    throw new DomainError('SAFE_TX.NOT_AWAITING_SIGNATURES', `The Safe transaction is ${tx.status}`, 'conflict');
  if (!treasury.contracts.owners.some((owner) => sameAddress(owner, signer)))
    throw new DomainError('SAFE_TX.NOT_AN_OWNER', `${signer} is not an owner of the DAO's Safe`, 'forbidden');
  if (previous !== undefined)
    return [
      {
        type: 'SafeTransactionSignatureReplaced',
        data: { safeTxHash: tx.safeTxHash, signer, signature, previous, replacedAt: command.metadata.now },
      },
    ];
  return [
    {
      type: 'SafeTransactionSignatureAdded',
      data: { safeTxHash: tx.safeTxHash, signer, signature, addedAt: command.metadata.now },
    },
  ];
};

/** Sets aside recorded signatures the Safe refuses, each with its reason; signatures no longer recorded are skipped. */
export const dropSafeSignatures = (command: DropSafeSignatures, state: TreasuryState): SafeTransactionSignatureDropped[] => {
  const treasury = requireDeployed(state);
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  if (tx.status !== 'AwaitingSignatures') return [];
  return command.data.dropped.flatMap(({ signer, reason }) => {
    const recorded = [...tx.signatures].find(([known]) => sameAddress(known, signer));
    if (!recorded) return [];
    const [known, signature] = recorded;
    return [
      {
        type: 'SafeTransactionSignatureDropped' as const,
        data: { safeTxHash: tx.safeTxHash, signer: known, signature, reason, droppedAt: command.metadata.now },
      },
    ];
  });
};

/** Whether the transaction has the signatures the Safe needs. */
export const thresholdMet = (state: TreasuryState, safeTxHash: Hash): boolean => {
  if (state.status !== 'Deployed') return false;
  const tx = state.transactions.get(safeTxHash);
  return !!tx && tx.signatures.size >= state.contracts.threshold;
};
