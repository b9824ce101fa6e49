import type { OrganiserCall } from '@ayllu/domain';
import { encodeFunctionData, parseAbi, type Hex } from 'viem';

// TODO(lead): use `rotatingPoolAbi` from contracts/abi/rotating-pool.ts once it lands; these signatures are fixed.
const organiserAbi = parseAbi(['function pause(string reason)', 'function resume()', 'function startWithOrder(address[] order)']);

/** The calldata of the organiser's call on the pool's contract (RotatingPool.sol's organiser-only functions). */
export const encodeOrganiserCall = (call: OrganiserCall): Hex => {
  switch (call.functionName) {
    case 'pause':
      return encodeFunctionData({ abi: organiserAbi, functionName: 'pause', args: [call.reason] });
    case 'resume':
      return encodeFunctionData({ abi: organiserAbi, functionName: 'resume' });
    case 'startWithOrder':
      return encodeFunctionData({ abi: organiserAbi, functionName: 'startWithOrder', args: [call.order] });
  }
};
