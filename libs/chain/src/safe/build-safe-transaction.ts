import { zeroAddress, type Address } from 'viem';
import { encodeMultiSendCallOnly } from './encode-multi-send';
import { SafeOperation, type SafeCall, type SafeTransaction } from './safe-transaction';

export type BuildSafeTransactionParams = {
  /** One call is sent as is; several are batched through MultiSendCallOnly. */
  readonly calls: readonly SafeCall[];
  readonly nonce: bigint;
  /** Needed only for batches. */
  readonly multiSendCallOnly?: Address;
  /**
   * Leave at 0 (the default) unless a failed inner call should still use the nonce: with a non-zero
   * value the Safe records `ExecutionFailure` in a successful receipt instead of reverting (GS013).
   */
  readonly safeTxGas?: bigint;
};

/**
 * Builds the Safe transaction for a list of calls, without touching the chain.
 * Gas fields default to zero on purpose: with `safeTxGas = 0` a failing inner call reverts the whole
 * `execTransaction`, so a failed governed action never silently burns the nonce; no refunds are paid.
 */
export function buildSafeTransaction(params: BuildSafeTransactionParams): SafeTransaction {
  const { calls, nonce, multiSendCallOnly, safeTxGas = 0n } = params;
  if (calls.length === 0) throw new Error('A Safe transaction needs at least one call');
  const gas = { safeTxGas, baseGas: 0n, gasPrice: 0n, gasToken: zeroAddress, refundReceiver: zeroAddress };
  if (calls.length === 1) {
    const [call] = calls as [SafeCall];
    return { ...call, operation: SafeOperation.Call, ...gas, nonce };
  }
  if (!multiSendCallOnly) throw new Error('A batch needs the MultiSendCallOnly address');
  return {
    to: multiSendCallOnly,
    value: 0n,
    data: encodeMultiSendCallOnly(calls),
    // The Safe delegatecalls MultiSendCallOnly so that each inner call is made by the Safe itself.
    operation: SafeOperation.DelegateCall,
    ...gas,
    nonce,
  };
}
