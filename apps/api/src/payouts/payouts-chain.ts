import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@ayllu/platform';
import { createPublicClient, createWalletClient, http, type Account, type Chain, type PublicClient, type WalletClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export const PAYOUTS_CHAIN = Symbol('PAYOUTS_CHAIN');

export interface PayoutsChain {
  readonly public: PublicClient;
  /** Sends claims for members who have not connected to the pool; null without a relayer key. */
  readonly relayer: (WalletClient & { account: Account }) | null;
}

/**
 * Reads payouts live from the chain (RPC_URL, or the one `npm start` recorded in `<dataDir>/dev-chain.json`);
 * null without a chain. The relayer is the same key the worker executes with: claims are rare and each waits
 * for its receipt, but on a busy public chain two processes sharing a key can race for a nonce.
 */
export function payoutsChain(config: AppConfig): PayoutsChain | null {
  // Tests say which chain they mean; a dev-chain.json left by `npm start` must not pull them onto it.
  if (config.env === 'test' && !config.rpcUrl) return null;
  let rpcUrl = config.rpcUrl;
  const file = process.env.AYLLU_DEV_CHAIN_FILE ?? join(config.dataDir, 'dev-chain.json');
  if (!rpcUrl && existsSync(file)) rpcUrl = (JSON.parse(readFileSync(file, 'utf8')) as { rpcUrl?: string }).rpcUrl ?? null;
  if (!rpcUrl) return null;
  const chain: Chain = {
    id: config.chainId,
    name: `chain ${config.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  };
  const transport = http(rpcUrl, { retryCount: 1, timeout: 30_000 });
  return {
    public: createPublicClient({ chain, transport, pollingInterval: 100 }) as PublicClient,
    relayer: config.relayerPrivateKey
      ? createWalletClient({ chain, transport, account: privateKeyToAccount(config.relayerPrivateKey) })
      : null,
  };
}
