import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  http,
  nonceManager,
  type Account,
  type Chain,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { DevChain } from '../../../../libs/chain/src/local/deploy-dev-chain';

/**
 * What the worker needs of the chain: reads, the relayer's wallet, and the shared contracts. The worker builds
 * one and hands it to every path that sends (deployment, execution, payout claims), so one account signs
 * everything; its nonces come from viem's nonce manager (one counter per address and chain, shared by every
 * client in the process), so concurrent sends never pick the same nonce, and a send that fails resets it.
 * Only the worker holds the relayer key: the API sends nothing.
 */
export interface ExecutionChain {
  readonly chainId: number;
  readonly public: PublicClient;
  readonly relayer: WalletClient & { account: Account };
  /** Shared contracts per-DAO deployments build on (Safe singletons, vault implementation, tokens). */
  readonly shared: DevChain;
}

export interface ExecutionChainSettings {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly relayerPrivateKey: `0x${string}`;
  readonly shared: DevChain;
}

export function executionChain(settings: ExecutionChainSettings): ExecutionChain {
  const chain: Chain = {
    id: settings.chainId,
    name: `chain ${settings.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [settings.rpcUrl] } },
  };
  const transport = http(settings.rpcUrl, { retryCount: 2, timeout: 60_000 });
  return {
    chainId: settings.chainId,
    public: createPublicClient({ chain, transport, pollingInterval: 100 }) as PublicClient,
    relayer: createWalletClient({ chain, transport, account: privateKeyToAccount(settings.relayerPrivateKey, { nonceManager }) }),
    shared: settings.shared,
  };
}

/**
 * The chain `npm start` brought up records its shared contracts in `<dataDir>/dev-chain.json`
 * (AYLLU_DEV_CHAIN_FILE overrides the path). Without it there is no chain to execute on.
 */
export function loadSharedContracts(dataDir: string): DevChain | null {
  const file = process.env.AYLLU_DEV_CHAIN_FILE ?? join(dataDir, 'dev-chain.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DevChain;
}
