import type { Address, PublicClient } from 'viem';
import { gdaForwarderAbi } from '../abi/gda-v1-forwarder';
import { superTokenAbi } from '../abi/super-token';
import { superfluidPoolAbi } from '../abi/superfluid-pool';
import type { PayoutPool } from './payout-calls';

export type MemberPayout = {
  readonly units: bigint;
  /** Tokens per second flowing to the member now (connected or not). */
  readonly flowRate: bigint;
  readonly connected: boolean;
  /** Accrued in the pool and not yet in the member's balance (zero while connected). */
  readonly claimable: bigint;
  /** The member's Super Token balance at `timestamp`. */
  readonly balance: bigint;
  readonly timestamp: bigint;
};

/**
 * A member's payout position at a chain time. Pass `timestamp` as the latest block's time (the default):
 * the contracts' realtime views take a time argument and a wall-clock time is wrong once chain time moved.
 */
export async function readMemberPayout(
  client: PublicClient,
  payout: PayoutPool,
  member: Address,
  timestamp?: bigint,
): Promise<MemberPayout> {
  const at = timestamp ?? (await client.getBlock()).timestamp;
  const [units, flowRate, connected, claimable, [balance]] = await Promise.all([
    client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getUnits', args: [member] }),
    client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getMemberFlowRate', args: [member] }),
    client.readContract({
      address: payout.forwarder,
      abi: gdaForwarderAbi,
      functionName: 'isMemberConnected',
      args: [payout.pool, member],
    }),
    client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getClaimable', args: [member, Number(at)] }),
    client.readContract({ address: payout.token, abi: superTokenAbi, functionName: 'realtimeBalanceOf', args: [member, at] }),
  ]);
  return { units, flowRate, connected, claimable, balance, timestamp: at };
}
