import { decodeFunctionData, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { safeAbi } from '../abi/safe-l2';
import { classifyChainError } from '../errors/chain-error-kind';
import { encodeSafeSignatures } from './encode-safe-signatures';
import type { SafeSignature, SafeTransaction } from './safe-transaction';

/** Runs `call`; a revert's reason if it reverts, undefined if not. Transport errors are thrown: they say nothing. */
const revertOf = async (call: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await call();
    return undefined;
  } catch (error) {
    const { kind, reason } = classifyChainError(error);
    if (kind !== 'revert') throw error;
    return reason;
  }
};

/**
 * Asks the Safe itself whether it accepts one owner's signature over `safeTxHash` (`checkNSignatures` with one
 * required, as `execTransaction` reads it): undefined if it does, the Safe's reason (e.g. GS026, or the owner
 * contract's own revert) if not. A contract owner's signature (EIP-1271) is checked by the owner contract with
 * `preimage`, the transaction's encoded data (`safeTransactionPreimage`), exactly as `execTransaction` hands it
 * over; ECDSA signatures do not need it.
 */
export const safeSignatureRefusal = (
  client: PublicClient,
  safe: Address,
  safeTxHash: Hex,
  signature: SafeSignature,
  preimage: Hex = '0x',
) =>
  revertOf(() =>
    client.readContract({
      address: safe,
      abi: safeAbi,
      functionName: 'checkNSignatures',
      args: [safeTxHash, preimage, encodeSafeSignatures([signature]), 1n],
    }),
  );

/**
 * Simulates `execTransaction` with exactly these signatures (eth_call from `account`): undefined if it would
 * run, the revert's reason if not (GS013: the Safe's inner call failed; GS026: a signature; ...).
 */
export const safeExecutionRefusal = (
  client: PublicClient,
  params: {
    readonly safe: Address;
    readonly account: Address;
    readonly transaction: SafeTransaction;
    readonly signatures: readonly SafeSignature[];
  },
) => {
  const { transaction: tx } = params;
  return revertOf(() =>
    client.simulateContract({
      address: params.safe,
      abi: safeAbi,
      functionName: 'execTransaction',
      args: [
        tx.to,
        tx.value,
        tx.data,
        tx.operation,
        tx.safeTxGas,
        tx.baseGas,
        tx.gasPrice,
        tx.gasToken,
        tx.refundReceiver,
        encodeSafeSignatures(params.signatures),
      ],
      account: params.account,
    }),
  );
};

/**
 * Simulates the Safe's own plain call of `to` (eth_call from the Safe): undefined if it would run, the callee's
 * reason if not, its custom error named when `abi` (the callee's) is given. It says why `execTransaction`
 * reverts GS013, which keeps the callee's reason to itself.
 */
export const safeCallRefusal = (
  client: PublicClient,
  params: { readonly safe: Address; readonly to: Address; readonly value: bigint; readonly data: Hex; readonly abi?: Abi },
) => {
  const { safe, to, value, data, abi } = params;
  const decoded = abi ? decodedCall(abi, data) : undefined;
  if (!abi || !decoded) return revertOf(() => client.call({ account: safe, to, value, data }));
  return revertOf(() => client.simulateContract({ address: to, abi, ...decoded, value, account: safe }));
};

const decodedCall = (abi: Abi, data: Hex) => {
  try {
    return decodeFunctionData({ abi, data });
  } catch {
    return undefined; // not one of the ABI's functions: asked raw
  }
};
