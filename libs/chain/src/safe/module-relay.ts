import { decodeFunctionData, encodeFunctionData, isAddressEqual, type Address, type Hex, type PublicClient } from 'viem';
import { timelockModuleRelayAbi } from '../../../../contracts/abi/timelock-module-relay';
import { safeAbi } from '../abi/safe-l2';
import type { SafeCall } from './safe-transaction';

const SENTINEL_MODULES: Address = '0x0000000000000000000000000000000000000001';

/** The batch call that has the relay make `call` as the Safe (the relay reverts if the Safe's call fails). */
export const moduleRelayCall = (relay: Address, call: SafeCall): SafeCall => ({
  to: relay,
  value: 0n,
  data: encodeFunctionData({ abi: timelockModuleRelayAbi, functionName: 'execute', args: [call.to, call.value, call.data] }),
});

/**
 * The call the Safe makes for a batch call that goes through the DAO's module: the relay's `execute`, or (DAOs
 * deployed before the relay) the Safe's own `execTransactionFromModule` called by the timelock. Undefined for a
 * call that is not a module call.
 */
export const moduleCallOf = (safe: Address, call: { readonly to: Address; readonly data: Hex }): SafeCall | undefined => {
  try {
    if (isAddressEqual(call.to, safe)) {
      const decoded = decodeFunctionData({ abi: safeAbi, data: call.data });
      if (decoded.functionName !== 'execTransactionFromModule') return undefined;
      const [to, value, data] = decoded.args;
      return { to, value, data };
    }
    const decoded = decodeFunctionData({ abi: timelockModuleRelayAbi, data: call.data });
    if (decoded.functionName !== 'execute') return undefined;
    const [to, value, data] = decoded.args;
    return { to, value, data };
  } catch {
    return undefined;
  }
};

/**
 * The module through which the timelock acts as the Safe: the enabled relay that names this Safe and timelock,
 * or the timelock itself for a DAO deployed before relays (it is then the Safe's module directly).
 */
export async function findSafeModule(
  client: PublicClient,
  contracts: { readonly safe: Address; readonly timelock: Address },
): Promise<{ readonly kind: 'relay' | 'timelock'; readonly address: Address }> {
  const [modules] = await client.readContract({
    address: contracts.safe,
    abi: safeAbi,
    functionName: 'getModulesPaginated',
    args: [SENTINEL_MODULES, 20n],
  });
  for (const module of modules) {
    if (isAddressEqual(module, contracts.timelock)) continue;
    const [safe, timelock] = await Promise.all([
      client.readContract({ address: module, abi: timelockModuleRelayAbi, functionName: 'safe' }).catch(() => undefined),
      client.readContract({ address: module, abi: timelockModuleRelayAbi, functionName: 'timelock' }).catch(() => undefined),
    ]);
    if (safe && timelock && isAddressEqual(safe, contracts.safe) && isAddressEqual(timelock, contracts.timelock))
      return { kind: 'relay', address: module };
  }
  if (modules.some((module) => isAddressEqual(module, contracts.timelock))) return { kind: 'timelock', address: contracts.timelock };
  throw new Error(`Safe ${contracts.safe} has no module for timelock ${contracts.timelock}`);
}
