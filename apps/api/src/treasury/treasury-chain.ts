import type { AppConfig } from '@ayllu/platform';
import { createPublicClient, http, type PublicClient } from 'viem';

export const TREASURY_CHAIN = Symbol('TREASURY_CHAIN');

/**
 * A read-only client for checking signers against the Safe's current owners: the network's RPC endpoint
 * (RPC_URL, or the selected network profile's). Null without a chain (the owners recorded at deployment are
 * used then).
 */
export function treasuryChain(config: AppConfig): PublicClient | null {
  return config.rpcUrl ? (createPublicClient({ transport: http(config.rpcUrl, { retryCount: 1 }) }) as PublicClient) : null;
}
