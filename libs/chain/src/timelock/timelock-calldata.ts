import { encodeFunctionData, type Address, type Hex } from 'viem';
import { timelockAbi } from '../abi/timelock-controller';
import type { SafeCall } from '../safe/safe-transaction';
import { batchArgs, type TimelockBatch } from './timelock-batch';

/** The call the Safe (the only proposer) makes to schedule a batch: wrap it in a Safe transaction. */
export function scheduleBatchCall(timelock: Address, batch: TimelockBatch, delay: bigint): SafeCall {
  const data = encodeFunctionData({ abi: timelockAbi, functionName: 'scheduleBatch', args: [...batchArgs(batch), delay] });
  return { to: timelock, value: 0n, data };
}

/** The call anyone may make once the operation is ready (executor role is open). */
export function executeBatchCall(timelock: Address, batch: TimelockBatch): SafeCall {
  const data = encodeFunctionData({ abi: timelockAbi, functionName: 'executeBatch', args: batchArgs(batch) });
  const value = batch.calls.reduce((sum, call) => sum + call.value, 0n);
  return { to: timelock, value, data };
}

/** The call the Safe (proposers are cancellers) makes to cancel a pending operation. */
export function cancelOperationCall(timelock: Address, operationId: Hex): SafeCall {
  return { to: timelock, value: 0n, data: encodeFunctionData({ abi: timelockAbi, functionName: 'cancel', args: [operationId] }) };
}
