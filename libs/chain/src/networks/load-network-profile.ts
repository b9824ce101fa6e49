import { readFileSync } from 'node:fs';
import type { PublicClient } from 'viem';
import { builtInNetworks, findBuiltInNetwork } from './built-in-networks';
import { NetworkProfileError, parseNetworkProfile, profileContracts, type NetworkProfile } from './network-profile';

/**
 * The profile the platform runs on: `NETWORK_PROFILE` (a file) wins, then `CHAIN` (a built-in name or chain
 * id). Undefined when neither is set (the caller falls back to the development chain's own profile file).
 */
export function selectNetworkProfile(env: { readonly NETWORK_PROFILE?: string; readonly CHAIN?: string }): NetworkProfile | undefined {
  if (env.NETWORK_PROFILE) return readNetworkProfile(env.NETWORK_PROFILE);
  if (env.CHAIN) {
    const found = findBuiltInNetwork(env.CHAIN);
    if (!found) {
      const names = builtInNetworks()
        .map((p) => p.name)
        .join(', ');
      throw new NetworkProfileError(
        `CHAIN=${env.CHAIN} is not a built-in network (${names}); describe it in a file and set NETWORK_PROFILE`,
      );
    }
    return found;
  }
  return undefined;
}

/** Reads and checks a profile file; every problem is one line naming the file and the field. */
export function readNetworkProfile(file: string): NetworkProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NetworkProfileError(`NETWORK_PROFILE=${file}: the file cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NetworkProfileError(`NETWORK_PROFILE=${file}: the file is not JSON`);
  }
  return parseNetworkProfile(json, `NETWORK_PROFILE=${file}`);
}

/**
 * Start-up check against the node RPC_URL names: the chain id is the profile's and every contract the profile
 * names has code there. Throws one line naming what is wrong, e.g. `base-sepolia: no contract at
 * superfluid.gdaForwarder 0x… on chain 84532 (RPC_URL http://…)`.
 */
export async function checkNetworkProfile(client: PublicClient, profile: NetworkProfile, rpcUrl: string): Promise<void> {
  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch (error) {
    throw new NetworkProfileError(`${profile.name}: RPC_URL ${rpcUrl} does not answer (${(error as Error).message.split('\n')[0]})`);
  }
  if (chainId !== profile.chainId)
    throw new NetworkProfileError(
      `${profile.name}: RPC_URL ${rpcUrl} is chain ${chainId}, but the profile is for chain ${profile.chainId}`,
    );
  const missing: string[] = [];
  const contracts = profileContracts(profile);
  // A few at a time: a profile with many tokens must not take a minute, nor flood a public endpoint.
  for (let i = 0; i < contracts.length; i += 8) {
    const batch = contracts.slice(i, i + 8);
    const codes = await Promise.all(batch.map(({ address }) => client.getCode({ address })));
    batch.forEach(({ label, address }, j) => {
      if (!codes[j] || codes[j] === '0x') missing.push(`${label} ${address}`);
    });
  }
  if (missing.length > 0)
    throw new NetworkProfileError(`${profile.name}: no contract at ${missing.join(', ')} on chain ${chainId} (RPC_URL ${rpcUrl})`);
}
