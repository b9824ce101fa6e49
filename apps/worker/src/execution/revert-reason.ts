import { classifyChainError } from '@ayllu/chain';

/**
 * The reason a simulated call reverted: a custom error's name, a revert string, or the node's words. Any
 * other failure (a timeout, HTTP 429, a refused connection) says nothing about the call, so it is rethrown:
 * the step is retried with backoff instead of the proposal being failed for an answer the chain never gave.
 */
export const revertReasonOrThrow = (error: unknown): string => {
  const { kind, reason } = classifyChainError(error);
  if (kind !== 'revert') throw error;
  return reason;
};
