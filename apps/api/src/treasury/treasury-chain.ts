import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@ayllu/platform';
import { createPublicClient, http, type PublicClient } from 'viem';

export const TREASURY_CHAIN = Symbol('TREASURY_CHAIN');

/**
 * A read-only client for checking signers against the Safe's current owners. The chain is RPC_URL, or the
 * one `npm start` recorded in `<dataDir>/dev-chain.json`; null without a chain (the owners recorded at
 * deployment are used then).
 */
export function treasuryChain(config: AppConfig): PublicClient | null {
  let rpcUrl = config.rpcUrl;
  const file = process.env.AYLLU_DEV_CHAIN_FILE ?? join(config.dataDir, 'dev-chain.json');
  if (!rpcUrl && existsSync(file)) rpcUrl = (JSON.parse(readFileSync(file, 'utf8')) as { rpcUrl?: string }).rpcUrl ?? null;
  return rpcUrl ? (createPublicClient({ transport: http(rpcUrl, { retryCount: 1 }) }) as PublicClient) : null;
}
