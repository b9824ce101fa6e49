import type { DeployedTreasury } from './treasury-state';

/**
 * The nonce a new Safe transaction takes: Safe nonces are a strict queue, so it is the lowest nonce from the
 * chain's next on that no transaction waiting for signatures holds. Without gaps that is max(on-chain, highest
 * queued + 1); an abandoned transaction leaves its nonce unused on chain, and the next transaction fills that
 * gap, or every later one would wait for a nonce nobody will use.
 */
export const nextSafeNonce = (state: DeployedTreasury, onChainNonce: bigint): bigint => {
  const held = new Set<bigint>();
  for (const tx of state.transactions.values()) if (tx.status === 'AwaitingSignatures') held.add(tx.nonce);
  let next = onChainNonce;
  while (held.has(next)) next++;
  return next;
};
