import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Abi, type Hex } from 'viem';

export type Revert = { name: string; args: readonly unknown[] };

/**
 * The custom error a viem call reverted with, e.g. `{ name: 'CommunityVaultZeroAmount', args: [] }`.
 * Calls made through an ABI are decoded by viem; for the rest (a deployment, whose constructor runs code
 * of another ABI) pass the `abi` whose errors the revert data should be decoded with.
 */
export async function revertOf(call: Promise<unknown>, abi?: Abi): Promise<Revert> {
  try {
    await call;
  } catch (error) {
    return revertIn(error, abi);
  }
  throw new Error('expected the call to revert, but it succeeded');
}

/** The custom error in what a viem call threw (as `revertOf`); anything else is thrown again. */
export function revertIn(error: unknown, abi?: Abi): Revert {
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
      return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
    }
    const raw = abi && error.walk((e) => typeof revertData(e) === 'string');
    if (abi && raw) {
      const decoded = decodeErrorResult({ abi, data: revertData(raw)! });
      return { name: decoded.errorName, args: decoded.args ?? [] };
    }
  }
  throw error;
}

function revertData(error: unknown): Hex | undefined {
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'string' && data.startsWith('0x') && data.length >= 10) return data as Hex;
  if (data && typeof data === 'object' && typeof (data as { data?: unknown }).data === 'string') return (data as { data: Hex }).data;
  return undefined;
}
