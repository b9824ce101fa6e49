import { safeAbi, type SafeCall } from '@ayllu/chain';
import { decodeFunctionData, encodeFunctionData, isAddressEqual, type Address, type Hex } from 'viem';

/**
 * The timelock, a module of the Safe, asks the Safe to make a call (only the Safe may spend the Safe's
 * tokens). The Safe does not revert when that inner call fails: it emits ExecutionFromModuleFailure and
 * returns false, so the batch "succeeds" with no effect. Callers check the inner calls themselves
 * (`moduleCallOf` to simulate them, the receipt's module events after the run).
 */
export const throughSafe = (safe: Address, call: SafeCall): SafeCall => ({
  to: safe,
  value: 0n,
  data: encodeFunctionData({ abi: safeAbi, functionName: 'execTransactionFromModule', args: [call.to, call.value, call.data, 0] }),
});

/** The inner call of a batch call that goes through the Safe's module entry point; undefined otherwise. */
export const moduleCallOf = (safe: Address, call: { readonly to: Address; readonly data: Hex }): SafeCall | undefined => {
  if (!isAddressEqual(call.to, safe)) return undefined;
  try {
    const decoded = decodeFunctionData({ abi: safeAbi, data: call.data });
    if (decoded.functionName !== 'execTransactionFromModule') return undefined;
    const [to, value, data] = decoded.args;
    return { to, value, data };
  } catch {
    return undefined;
  }
};
