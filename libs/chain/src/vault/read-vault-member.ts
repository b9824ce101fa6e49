import type { Address, PublicClient } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';

export type VaultMember = {
  readonly isMember: boolean;
  readonly balance: bigint;
  readonly shares: bigint;
  readonly units: bigint;
  /** What the member may withdraw right now: the instant limit left in the window plus any approval. */
  readonly withdrawableNow: bigint;
  readonly approvedWithdrawal: bigint;
  /** Zero when no emergency exit was requested. */
  readonly emergencyExitAvailableAt: bigint;
};

export async function readVaultMember(client: PublicClient, vault: Address, member: Address): Promise<VaultMember> {
  const target = { address: vault, abi: communityVaultAbi } as const;
  const [isMember, balance, shares, units, withdrawableNow, approvedWithdrawal, emergencyExitAvailableAt] = await Promise.all([
    client.readContract({ ...target, functionName: 'isMember', args: [member] }),
    client.readContract({ ...target, functionName: 'balanceOf', args: [member] }),
    client.readContract({ ...target, functionName: 'sharesOf', args: [member] }),
    client.readContract({ ...target, functionName: 'unitsOf', args: [member] }),
    client.readContract({ ...target, functionName: 'withdrawableNow', args: [member] }),
    client.readContract({ ...target, functionName: 'approvedWithdrawalOf', args: [member] }),
    client.readContract({ ...target, functionName: 'emergencyExitAvailableAt', args: [member] }),
  ]);
  return { isMember, balance, shares, units, withdrawableNow, approvedWithdrawal, emergencyExitAvailableAt };
}
