import type { DeployedTreasury } from './treasury-state';

/**
 * The nonce a new Safe transaction takes: Safe nonces are a strict queue, so it goes after both what the
 * chain has used and what is already waiting for signatures (max(on-chain, highest queued + 1)).
 */
export const nextSafeNonce = (state: DeployedTreasury, onChainNonce: bigint): bigint => {
  let next = onChainNonce;
  for (const tx of state.transactions.values()) {
    if (tx.status === 'AwaitingSignatures' && tx.nonce + 1n > next) next = tx.nonce + 1n;
  }
  return next;
};
