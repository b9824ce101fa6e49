import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, http, type PublicClient } from 'viem';
import { checkNetworkProfile, readNetworkProfile, selectNetworkProfile } from './load-network-profile';
import { NetworkProfileError, type NetworkProfile } from './network-profile';

/** The chain the platform runs on: its profile, the RPC endpoint it talks to, and where the profile came from. */
export interface SelectedNetwork {
  readonly profile: NetworkProfile;
  readonly rpcUrl: string;
  /** `NETWORK_PROFILE=./x.json`, `CHAIN=base-sepolia` or the development chain's file: for start-up lines. */
  readonly source: string;
}

/** The profile the development chain (`npm start`, `npm run chain`) writes under DATA_DIR. */
export const DEV_NETWORK_PROFILE_FILE = 'network-profile.json';

/** The variables that select a network: NETWORK_PROFILE, CHAIN, and CHAIN_ID (checked against the profile). */
export type NetworkSelection = Readonly<Record<string, string | undefined>>;

/**
 * Which network this process runs on: `NETWORK_PROFILE` (a file), else `CHAIN` (a built-in network), else the
 * profile the development chain left in `<dataDir>/network-profile.json`; null when there is none (nothing
 * executes then; proposals wait). The RPC endpoint is RPC_URL, else the profile's first public endpoint.
 * Under NODE_ENV=test a leftover development profile is ignored unless RPC_URL is set: tests say which chain
 * they mean. A CHAIN_ID that contradicts the profile is refused: signatures are bound to the chain id.
 */
export function resolveNetwork(
  env: NetworkSelection,
  config: { readonly dataDir: string; readonly rpcUrl: string | null; readonly env: string },
): SelectedNetwork | null {
  let profile = selectNetworkProfile(env);
  let source = env.NETWORK_PROFILE ? `NETWORK_PROFILE=${env.NETWORK_PROFILE}` : `CHAIN=${env.CHAIN ?? ''}`;
  if (!profile) {
    const file = join(config.dataDir, DEV_NETWORK_PROFILE_FILE);
    if (config.env === 'test' && !config.rpcUrl) return null;
    if (!existsSync(file)) return null;
    profile = readNetworkProfile(file);
    source = file;
  }
  const rpcUrl = config.rpcUrl ?? profile.rpcUrls[0];
  if (!rpcUrl) throw new NetworkProfileError(`${profile.name}: set RPC_URL (the profile names no RPC endpoint)`);
  const chainId = env.CHAIN_ID?.trim();
  if (chainId && Number(chainId) !== profile.chainId)
    throw new NetworkProfileError(
      `CHAIN_ID=${chainId} contradicts the network profile ${profile.name} (chain ${profile.chainId}); unset CHAIN_ID`,
    );
  return { profile, rpcUrl, source };
}

/**
 * `resolveNetwork`, then the start-up check against the chain (its id, code at every profile address): what
 * the API and the worker call before serving. Throws NetworkProfileError, one line naming what is missing.
 */
export async function openNetwork(
  env: NetworkSelection,
  config: { readonly dataDir: string; readonly rpcUrl: string | null; readonly env: string },
): Promise<SelectedNetwork | null> {
  const network = resolveNetwork(env, config);
  if (!network) return null;
  const client = createPublicClient({ transport: http(network.rpcUrl, { retryCount: 1, timeout: 15_000 }) }) as PublicClient;
  await checkNetworkProfile(client, network.profile, network.rpcUrl);
  return network;
}
