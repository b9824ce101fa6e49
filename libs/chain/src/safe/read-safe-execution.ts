import { isAddressEqual, parseEventLogs, type Address, type Hex, type Log } from 'viem';
import { safeAbi } from '../abi/safe-l2';

export type SafeExecutionOutcome = {
  readonly safeTxHash: Hex;
  /** `failure` means the Safe used the nonce but the inner call reverted (possible only with safeTxGas > 0). */
  readonly outcome: 'success' | 'failure';
  readonly payment: bigint;
};

/**
 * Finds the Safe's own verdict on an `execTransaction` in a receipt's logs. The receipt status is not enough:
 * a Safe transaction whose inner call failed can still produce a successful receipt with `ExecutionFailure`.
 */
export function readSafeExecution(logs: readonly Log[], safe: Address, safeTxHash?: Hex): SafeExecutionOutcome | undefined {
  const events = parseEventLogs({
    abi: safeAbi,
    eventName: ['ExecutionSuccess', 'ExecutionFailure'],
    logs: logs as Log[],
  }).filter((log) => isAddressEqual(log.address, safe) && (!safeTxHash || log.args.txHash === safeTxHash));
  const event = events[0];
  if (!event) return undefined;
  return {
    safeTxHash: event.args.txHash,
    outcome: event.eventName === 'ExecutionSuccess' ? 'success' : 'failure',
    payment: event.args.payment,
  };
}
