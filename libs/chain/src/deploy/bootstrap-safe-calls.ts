import { encodeFunctionData, isAddressEqual, type Address } from 'viem';
import { safeAbi } from '../abi/safe-l2';
import type { SafeCall } from '../safe/safe-transaction';

/**
 * The calls that turn a Safe created with the deployer as its only owner into the DAO's Safe: enable the
 * `module` (the relay through which the timelock acts as the Safe), add the treasurers, then drop the deployer (or keep it if it is a treasurer) and set
 * the threshold. Run as one MultiSendCallOnly batch signed by the deployer alone, so no treasurer has to sign
 * anything during deployment.
 *
 * Why not enable the module in `setup`: Safe 1.4.1 ships no helper that a setup delegatecall could use to
 * call `enableModule` on the new proxy, whose address depends on the setup data itself.
 */
export function bootstrapSafeCalls(params: {
  readonly safe: Address;
  readonly deployer: Address;
  readonly treasurers: readonly Address[];
  readonly threshold: bigint;
  readonly module: Address;
}): SafeCall[] {
  const { safe, deployer, treasurers, threshold, module } = params;
  const call = (data: SafeCall['data']): SafeCall => ({ to: safe, value: 0n, data });
  const calls = [call(encodeFunctionData({ abi: safeAbi, functionName: 'enableModule', args: [module] }))];
  const others = treasurers.filter((t) => !isAddressEqual(t, deployer));
  for (const treasurer of others) {
    calls.push(call(encodeFunctionData({ abi: safeAbi, functionName: 'addOwnerWithThreshold', args: [treasurer, 1n] })));
  }
  const deployerStays = others.length < treasurers.length;
  if (deployerStays) {
    calls.push(call(encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [threshold] })));
  } else {
    // Owners form a linked list and each added owner goes to its head, so the first treasurer added sits
    // right before the deployer.
    const previous = others[0];
    calls.push(call(encodeFunctionData({ abi: safeAbi, functionName: 'removeOwner', args: [previous, deployer, threshold] })));
  }
  return calls;
}
