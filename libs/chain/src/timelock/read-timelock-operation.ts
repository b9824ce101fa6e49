import type { Address, Hex, PublicClient } from 'viem';
import { timelockAbi } from '../abi/timelock-controller';

/** OpenZeppelin 5's `OperationState`, in its enum order. */
export const timelockOperationStates = ['Unset', 'Waiting', 'Ready', 'Done'] as const;
export type TimelockOperationState = (typeof timelockOperationStates)[number];

export type TimelockOperation = {
  readonly state: TimelockOperationState;
  /** Chain time (seconds) from which it may run; undefined when unset, cancelled or done. */
  readonly eta: bigint | undefined;
};

// The timelock stores 1 as the timestamp of a done operation.
const DONE_TIMESTAMP = 1n;

export async function readTimelockOperation(client: PublicClient, timelock: Address, id: Hex): Promise<TimelockOperation> {
  const [state, timestamp] = await Promise.all([
    client.readContract({ address: timelock, abi: timelockAbi, functionName: 'getOperationState', args: [id] }),
    client.readContract({ address: timelock, abi: timelockAbi, functionName: 'getTimestamp', args: [id] }),
  ]);
  const name = timelockOperationStates[state];
  if (!name) throw new Error(`Unknown timelock operation state ${state}`);
  return { state: name, eta: timestamp > DONE_TIMESTAMP ? timestamp : undefined };
}
