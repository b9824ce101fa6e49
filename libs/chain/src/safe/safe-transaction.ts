import type { Address, Hex } from 'viem';

/** How the Safe runs `to`: a plain call, or a delegatecall (used only for MultiSendCallOnly batches). */
export const SafeOperation = { Call: 0, DelegateCall: 1 } as const;
export type SafeOperation = (typeof SafeOperation)[keyof typeof SafeOperation];

/** One call the Safe should make, before it is wrapped into a Safe transaction. */
export type SafeCall = { readonly to: Address; readonly value: bigint; readonly data: Hex };

/** The fields the Safe signs (EIP-712 `SafeTx`) and `execTransaction` takes, minus the signatures. */
export type SafeTransaction = {
  readonly to: Address;
  readonly value: bigint;
  readonly data: Hex;
  readonly operation: SafeOperation;
  readonly safeTxGas: bigint;
  readonly baseGas: bigint;
  readonly gasPrice: bigint;
  readonly gasToken: Address;
  readonly refundReceiver: Address;
  readonly nonce: bigint;
};

/**
 * A treasurer's signature over a Safe transaction: an EIP-712 ECDSA signature (65 bytes r‖s‖v, v 27 or 28), or a
 * contract owner's (EIP-1271) in the form `recordedContractSignature` gives it.
 */
export type SafeSignature = { readonly signer: Address; readonly data: Hex };
