import type { Address, PublicClient } from 'viem';
import { safeAbi } from '../abi/safe-l2';

export type SafeState = {
  readonly nonce: bigint;
  readonly owners: readonly Address[];
  readonly threshold: bigint;
};

/** Reads what a signature collector needs to know now: the next nonce, the owners and the threshold. */
export async function readSafeState(client: PublicClient, safe: Address): Promise<SafeState> {
  const [nonce, owners, threshold] = await Promise.all([
    client.readContract({ address: safe, abi: safeAbi, functionName: 'nonce' }),
    client.readContract({ address: safe, abi: safeAbi, functionName: 'getOwners' }),
    client.readContract({ address: safe, abi: safeAbi, functionName: 'getThreshold' }),
  ]);
  return { nonce, owners, threshold };
}
