import { encodeAbiParameters, keccak256, type Hex } from 'viem';
import { batchArgs, type TimelockBatch } from './timelock-batch';

/**
 * The operation id `TimelockController.hashOperationBatch` returns, computed locally so the platform knows
 * the id (and can match `CallScheduled` logs to a proposal) before anything is sent.
 */
export function timelockOperationId(batch: TimelockBatch): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }, { type: 'bytes32' }],
      batchArgs(batch),
    ),
  );
}
