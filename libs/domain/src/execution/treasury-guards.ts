import type { Address } from '../shared/address';
import { lowerHex, type Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import type { DeployedTreasury, QueuedSafeTransaction, TimelockOperation, TreasuryState } from './treasury-state';

export const requireDeployed = (state: TreasuryState): DeployedTreasury => {
  if (state.status !== 'Deployed') throw new DomainError('TREASURY.NOT_DEPLOYED', "The DAO's contracts are not deployed yet", 'conflict');
  return state;
};

export const requireSafeTransaction = (state: DeployedTreasury, safeTxHash: Hash): QueuedSafeTransaction => {
  const tx = state.transactions.get(lowerHex(safeTxHash)) ?? state.transactions.get(safeTxHash);
  if (!tx) throw new DomainError('SAFE_TX.NOT_FOUND', `No Safe transaction ${safeTxHash} in this DAO`, 'not-found');
  return tx;
};

export const requireOperation = (state: DeployedTreasury, operationId: Hash): TimelockOperation => {
  const operation = state.operations.get(operationId);
  if (!operation) throw new DomainError('TIMELOCK.OPERATION_NOT_FOUND', `No timelock operation ${operationId} in this DAO`, 'not-found');
  return operation;
};

export const sameAddress = (a: Address, b: Address): boolean => a.toLowerCase() === b.toLowerCase();
