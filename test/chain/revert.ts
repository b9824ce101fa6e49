import { BaseError, ContractFunctionRevertedError } from 'viem';

/** The custom error a viem call reverted with, e.g. `{ name: 'CommunityVaultZeroAmount', args: [] }`. */
export async function revertOf(call: Promise<unknown>): Promise<{ name: string; args: readonly unknown[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof BaseError) {
      const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
      if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) {
        return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
      }
    }
    throw error;
  }
  throw new Error('expected the call to revert, but it succeeded');
}
