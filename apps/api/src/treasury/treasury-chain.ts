import { readSafeState } from '@ayllu/chain';
import type { AppConfig } from '@ayllu/platform';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { problem, ProblemException } from '../shared/problem';

export const TREASURY_CHAIN = Symbol('TREASURY_CHAIN');

/**
 * A read-only client for checking signers against the Safe's current owners: the network's RPC endpoint
 * (RPC_URL, or the selected network profile's). Null without a chain (the owners recorded at deployment are
 * used then).
 */
export function treasuryChain(config: AppConfig): PublicClient | null {
  return config.rpcUrl ? (createPublicClient({ transport: http(config.rpcUrl, { retryCount: 1 }) }) as PublicClient) : null;
}

/**
 * The Safe's next nonce, read from the chain, for queuing a Safe transaction the API builds itself (a pool's
 * organiser or creator action). Without a chain, or one that does not answer, nothing may be queued: 503, retry.
 */
export async function safeNonceOnChain(chain: PublicClient | null, safe: Address): Promise<bigint> {
  const unavailable = () =>
    new ProblemException(
      problem(
        503,
        'CHAIN.UNAVAILABLE',
        "The chain does not answer, so the Safe's next nonce is unknown; nothing was queued, retry shortly",
      ),
      { 'retry-after': '5' },
    );
  if (!chain) throw unavailable();
  try {
    return (await readSafeState(chain, safe)).nonce;
  } catch {
    throw unavailable();
  }
}
