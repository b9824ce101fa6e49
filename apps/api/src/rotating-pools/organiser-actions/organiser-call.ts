import type { OrganiserCall } from '@ayllu/domain';
import { encodeFunctionData, type Hex } from 'viem';
import { rotatingPoolAbi } from '../../../../../contracts/abi/rotating-pool';

/** The calldata of the organiser's call on the pool's contract (RotatingPool.sol's organiser-only functions). */
export const encodeOrganiserCall = (call: OrganiserCall): Hex => {
  switch (call.functionName) {
    case 'pause':
      return encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'pause', args: [call.reason] });
    case 'resume':
      return encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'resume' });
    case 'startWithOrder':
      return encodeFunctionData({ abi: rotatingPoolAbi, functionName: 'startWithOrder', args: [call.order] });
  }
};
