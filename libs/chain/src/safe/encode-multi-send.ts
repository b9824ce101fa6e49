import { protocolKit } from './protocol-kit';
import { encodeFunctionData, type Hex } from 'viem';
import { multiSendCallOnlyAbi } from '../abi/multi-send-call-only';
import { SafeOperation, type SafeCall } from './safe-transaction';

/**
 * Calldata for `MultiSendCallOnly.multiSend(bytes)`: each call packed by Safe's SDK as
 * operation (uint8, always 0: MultiSendCallOnly refuses delegatecalls) ‖ to ‖ value ‖ data length ‖ data.
 */
export function encodeMultiSendCallOnly(calls: readonly SafeCall[]): Hex {
  if (calls.length === 0) throw new Error('A MultiSend batch needs at least one call');
  const packed = protocolKit().encodeMultiSendData(
    calls.map((call) => ({ to: call.to, value: call.value.toString(), data: call.data, operation: SafeOperation.Call })),
  ) as Hex;
  return encodeFunctionData({ abi: multiSendCallOnlyAbi, functionName: 'multiSend', args: [packed] });
}
