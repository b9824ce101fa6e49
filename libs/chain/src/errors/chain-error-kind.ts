import {
  BaseError,
  CallExecutionError,
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  HttpRequestError,
  LimitExceededRpcError,
  RpcRequestError,
  TimeoutError,
  WebSocketRequestError,
} from 'viem';
import { FeesAboveCapError } from './fees-above-cap';

/**
 * What a failed chain call tells us:
 * - `revert`: the chain ran the call and refused it. Asking again with the same inputs gets the same answer,
 *   so a caller records the reason instead of retrying.
 * - `transport`: the call never got an answer (timeout, refused connection, HTTP 429/5xx, a rate limit, an
 *   unavailable node). Nothing is known about the call; the caller retries with backoff.
 * - `fees`: the network asks more per gas than the relayer may pay (RELAYER_MAX_FEE_GWEI); nothing was sent, and
 *   the caller retries with backoff until fees fall.
 * - `unknown`: anything else (a bug, a malformed answer); treated as transient but worth logging.
 */
export type ChainErrorKind = 'revert' | 'transport' | 'fees' | 'unknown';

export interface ClassifiedChainError {
  readonly kind: ChainErrorKind;
  /** The most specific reason found: a revert string, a custom error's name, or the transport's message. */
  readonly reason: string;
}

/** JSON-RPC codes nodes use for "try again later" (EIP-1474 limit exceeded, resource unavailable, Infura/Alchemy rate limits). */
const TRANSIENT_RPC_CODES = new Set([-32005, -32002, 429]);

export function classifyChainError(error: unknown): ClassifiedChainError {
  if (!(error instanceof BaseError)) return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  const fees = error.walk((e) => e instanceof FeesAboveCapError);
  if (fees instanceof FeesAboveCapError) return { kind: 'fees', reason: fees.shortMessage };
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (revert instanceof ContractFunctionRevertedError) {
    return { kind: 'revert', reason: revert.reason ?? revert.data?.errorName ?? revert.shortMessage };
  }
  const executionReverted = error.walk((e) => e instanceof ExecutionRevertedError);
  if (executionReverted instanceof ExecutionRevertedError) {
    return { kind: 'revert', reason: executionReverted.details || executionReverted.shortMessage };
  }
  const transport = error.walk(
    (e) =>
      e instanceof HttpRequestError ||
      e instanceof TimeoutError ||
      e instanceof WebSocketRequestError ||
      e instanceof LimitExceededRpcError ||
      (e instanceof RpcRequestError && TRANSIENT_RPC_CODES.has(e.code)),
  );
  if (transport instanceof BaseError) return { kind: 'transport', reason: transport.shortMessage };
  // A call that failed on the node with a revert the node words its own way ("execution reverted: …").
  const call = error.walk((e) => e instanceof CallExecutionError);
  if (call instanceof BaseError && /revert/i.test(call.details ?? '')) return { kind: 'revert', reason: call.details };
  return { kind: 'unknown', reason: error.details || error.shortMessage };
}

/** True when the call was refused by the chain itself: retrying it unchanged cannot succeed. */
export const isRevert = (error: unknown): boolean => classifyChainError(error).kind === 'revert';
