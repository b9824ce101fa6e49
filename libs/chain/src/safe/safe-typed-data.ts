import { protocolKit } from './protocol-kit';
import type { Address, Hex } from 'viem';
import type { SafeTransaction } from './safe-transaction';

export const safeTxTypes = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

export type SafeTransactionContext = { readonly chainId: number; readonly safe: Address };

/**
 * The EIP-712 typed data a treasurer signs (e.g. `eth_signTypedData_v4` in their wallet). Safe 1.3+ uses a
 * domain of only `{ chainId, verifyingContract }`: no name or version.
 */
export function safeTransactionTypedData(context: SafeTransactionContext, tx: SafeTransaction) {
  return {
    domain: { chainId: context.chainId, verifyingContract: context.safe },
    types: safeTxTypes,
    primaryType: 'SafeTx',
    message: {
      to: tx.to,
      value: tx.value,
      data: tx.data,
      operation: tx.operation,
      safeTxGas: tx.safeTxGas,
      baseGas: tx.baseGas,
      gasPrice: tx.gasPrice,
      gasToken: tx.gasToken,
      refundReceiver: tx.refundReceiver,
      nonce: tx.nonce,
    },
  } as const;
}

/** A Safe transaction in the shape Safe's SDK takes (uint256 fields as decimal strings). */
export const sdkTransactionData = (tx: SafeTransaction) => ({
  to: tx.to,
  value: tx.value.toString(),
  data: tx.data,
  operation: tx.operation,
  safeTxGas: tx.safeTxGas.toString(),
  baseGas: tx.baseGas.toString(),
  gasPrice: tx.gasPrice.toString(),
  gasToken: tx.gasToken,
  refundReceiver: tx.refundReceiver,
  nonce: Number(tx.nonce),
});

/** The `safeTxHash` the Safe emits in `ExecutionSuccess` / `ExecutionFailure` and owners sign (Safe's SDK computes it). */
export function hashSafeTransaction(context: SafeTransactionContext, tx: SafeTransaction): Hex {
  return protocolKit().calculateSafeTransactionHash(context.safe, sdkTransactionData(tx), '1.4.1', BigInt(context.chainId)) as Hex;
}
