import { encodeFunctionData, type Address } from 'viem';
import { gdaForwarderAbi } from '../abi/gda-v1-forwarder';
import type { SafeCall } from '../safe/safe-transaction';

export type PayoutPool = { readonly forwarder: Address; readonly token: Address; readonly pool: Address };

/**
 * The Safe's call that starts, changes (any other rate) or stops (rate 0) the yield stream into the pool.
 * `from` is the Safe itself: the forwarder only lets a sender distribute its own tokens.
 */
export function distributeFlowCall(payout: PayoutPool, from: Address, flowRatePerSecond: bigint): SafeCall {
  if (flowRatePerSecond < 0n) throw new Error('A flow rate cannot be negative');
  const data = encodeFunctionData({
    abi: gdaForwarderAbi,
    functionName: 'distributeFlow',
    args: [payout.token, from, payout.pool, flowRatePerSecond, '0x'],
  });
  return { to: payout.forwarder, value: 0n, data };
}

/** The Safe's call for a one-off distribution of `amount` to the pool's members, pro rata to units. */
export function distributeCall(payout: PayoutPool, from: Address, amount: bigint): SafeCall {
  if (amount <= 0n) throw new Error('A distribution needs a positive amount');
  const data = encodeFunctionData({
    abi: gdaForwarderAbi,
    functionName: 'distribute',
    args: [payout.token, from, payout.pool, amount, '0x'],
  });
  return { to: payout.forwarder, value: 0n, data };
}

/** A member's own call to receive the stream live in their balance. */
export function connectPoolCall(payout: PayoutPool): SafeCall {
  return {
    to: payout.forwarder,
    value: 0n,
    data: encodeFunctionData({ abi: gdaForwarderAbi, functionName: 'connectPool', args: [payout.pool, '0x'] }),
  };
}

/** Anyone's call that moves what an unconnected member has accrued into their balance. */
export function claimAllCall(payout: PayoutPool, member: Address): SafeCall {
  const data = encodeFunctionData({ abi: gdaForwarderAbi, functionName: 'claimAll', args: [payout.pool, member, '0x'] });
  return { to: payout.forwarder, value: 0n, data };
}
