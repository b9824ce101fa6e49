import { BaseError, ContractFunctionRevertedError } from 'viem';

/** The most specific reason viem found for a failed call: a revert string, a custom error's name, or its message. */
export const revertReason = (error: unknown): string => {
  const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
  if (revert instanceof ContractFunctionRevertedError) return revert.reason ?? revert.data?.errorName ?? revert.shortMessage;
  if (error instanceof BaseError) return error.details || error.shortMessage;
  return String(error);
};
