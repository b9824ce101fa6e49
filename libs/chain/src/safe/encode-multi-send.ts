import { concat, encodeFunctionData, encodePacked, size, type Hex } from 'viem';
import { multiSendCallOnlyAbi } from '../abi/multi-send-call-only';
import { SafeOperation, type SafeCall } from './safe-transaction';

/**
 * Calldata for `MultiSendCallOnly.multiSend(bytes)`: each call packed as
 * operation (uint8, always 0: MultiSendCallOnly refuses delegatecalls) ‖ to ‖ value ‖ data length ‖ data.
 */
export function encodeMultiSendCallOnly(calls: readonly SafeCall[]): Hex {
  if (calls.length === 0) throw new Error('A MultiSend batch needs at least one call');
  const packed = concat(
    calls.map((call) =>
      encodePacked(
        ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
        [SafeOperation.Call, call.to, call.value, BigInt(size(call.data)), call.data],
      ),
    ),
  );
  return encodeFunctionData({ abi: multiSendCallOnlyAbi, functionName: 'multiSend', args: [packed] });
}
