import type { Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import type { AddSafeSignature } from './treasury-commands';
import type { SafeTransactionSignatureAdded } from './treasury-events';
import { requireDeployed, requireSafeTransaction, sameAddress } from './treasury-guards';
import type { TreasuryState } from './treasury-state';

/** A treasurer's signature joins the transaction; the same signer again changes nothing. */
export const addSafeSignature = (command: AddSafeSignature, state: TreasuryState): SafeTransactionSignatureAdded[] => {
  const treasury = requireDeployed(state);
  const tx = requireSafeTransaction(treasury, command.data.safeTxHash);
  const { signer, signature } = command.data;
  if ([...tx.signatures.keys()].some((known) => sameAddress(known, signer))) return [];
  if (tx.status !== 'AwaitingSignatures')
    throw new DomainError('SAFE_TX.NOT_AWAITING_SIGNATURES', `The Safe transaction is ${tx.status}`, 'conflict');
  if (!treasury.contracts.owners.some((owner) => sameAddress(owner, signer)))
    throw new DomainError('SAFE_TX.NOT_AN_OWNER', `${signer} is not an owner of the DAO's Safe`, 'forbidden');
  return [
    {
      type: 'SafeTransactionSignatureAdded',
      data: { safeTxHash: tx.safeTxHash, signer, signature, addedAt: command.metadata.now },
    },
  ];
};

/** Whether the transaction has the signatures the Safe needs. */
export const thresholdMet = (state: TreasuryState, safeTxHash: Hash): boolean => {
  if (state.status !== 'Deployed') return false;
  const tx = state.transactions.get(safeTxHash);
  return !!tx && tx.signatures.size >= state.contracts.threshold;
};
