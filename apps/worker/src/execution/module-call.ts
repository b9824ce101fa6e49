import { findSafeModule, moduleRelayCall, safeAbi, type SafeCall } from '@ayllu/chain';
import type { DaoContracts } from '@ayllu/domain';
import { encodeFunctionData, type PublicClient } from 'viem';

export { moduleCallOf } from '@ayllu/chain';

/**
 * A batch call that has the Safe make `call` (only the Safe may spend the Safe's tokens). It goes through the
 * DAO's module relay, which reverts the whole batch when the Safe's call fails: whoever runs the batch (anyone
 * may) cannot starve the Safe's call of gas to have the operation marked done with nothing paid. A DAO deployed
 * before the relay has the timelock as its module; its calls go to the Safe directly, where a failed inner call
 * only returns false (`moduleCallOf` and the receipt's module events catch that after the run).
 */
export const throughSafe = async (client: PublicClient, contracts: DaoContracts, call: SafeCall): Promise<SafeCall> => {
  const module = await findSafeModule(client, contracts);
  if (module.kind === 'relay') return moduleRelayCall(module.address, call);
  return {
    to: contracts.safe,
    value: 0n,
    data: encodeFunctionData({ abi: safeAbi, functionName: 'execTransactionFromModule', args: [call.to, call.value, call.data, 0] }),
  };
};
