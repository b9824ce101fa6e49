import { protocolKit } from './protocol-kit';
import { getAddress, hexToBigInt, isAddressEqual, size, slice, type Address, type Hex } from 'viem';
import type { SafeSignature, SafeTransaction } from './safe-transaction';
import type { SafeTransactionContext } from './safe-typed-data';

/**
 * A Safe owner's signature as the Safe reads it: an ECDSA signature (65 bytes r‖s‖v), or the signature bytes of
 * an owner that is a contract (EIP-1271, e.g. another Safe), which the Safe hands to the owner's
 * `isValidSignature(bytes data, bytes signature)` with the transaction's encoded data.
 */
export type ParsedSafeSignature =
  | { readonly kind: 'ecdsa'; readonly signer: Address; readonly data: Hex }
  | { readonly kind: 'contract'; readonly signer: Address; readonly data: Hex };

/**
 * A contract owner's signature in the form Ayllu records it: the Safe's own encoding of that one signature,
 * static part `r = owner, s = 65 (offset of the dynamic part), v = 0`, then the dynamic part (length, bytes).
 * The Safe reads it as is when it is alone (`checkNSignatures` with one required), and it cannot be mistaken for
 * a 65-byte ECDSA signature, so a recorded signature says by itself which kind it is.
 */
export const recordedContractSignature = (owner: Address, signature: Hex): Hex =>
  protocolKit().buildSignatureBytes([new (protocolKit().EthSafeSignature)(owner, signature, true)]) as Hex;

/** Reads a recorded signature back (`recordedContractSignature`, or 65 ECDSA bytes); throws on anything else. */
export function parseRecordedSignature({ signer, data }: SafeSignature): ParsedSafeSignature {
  if (size(data) === 65) return { kind: 'ecdsa', signer, data };
  if (size(data) < 65 + 32 || hexToBigInt(slice(data, 64, 65)) !== 0n)
    throw new Error(`The signature recorded for ${signer} is neither 65 ECDSA bytes nor a contract signature`);
  const owner = getAddress(slice(data, 12, 32));
  const offset = hexToBigInt(slice(data, 32, 64));
  const length = hexToBigInt(slice(data, 65, 97));
  if (!isAddressEqual(owner, signer) || offset !== 65n || length !== BigInt(size(data) - 97))
    throw new Error(`The contract signature recorded for ${signer} is not in the form the Safe reads`);
  return { kind: 'contract', signer, data: size(data) === 97 ? '0x' : slice(data, 97) };
}

/**
 * Owners' signatures as `execTransaction` reads them, built by protocol-kit (`buildSignatureBytes`): static parts
 * sorted by owner ascending (the Safe refuses unsorted or duplicate owners, GS026), each contract signature's
 * `s` the offset of its dynamic part, which follows all the static parts.
 */
export function buildSafeSignatureBytes(signatures: readonly ParsedSafeSignature[]): Hex {
  return protocolKit().buildSignatureBytes(
    signatures.map((s) => new (protocolKit().EthSafeSignature)(s.signer, s.data, s.kind === 'contract')),
  ) as Hex;
}

/**
 * The bytes the Safe (1.4.1) hands a contract owner's `isValidSignature(bytes, bytes)` for a transaction: its
 * `encodeTransactionData`, 0x1901 ‖ domain separator ‖ SafeTx struct hash, whose keccak256 is the safeTxHash.
 */
export function safeTransactionPreimage(context: SafeTransactionContext, tx: SafeTransaction): Hex {
  return protocolKit().preimageSafeTransactionHash(
    getAddress(context.safe),
    {
      to: getAddress(tx.to),
      value: tx.value.toString(),
      data: tx.data,
      operation: tx.operation,
      safeTxGas: tx.safeTxGas.toString(),
      baseGas: tx.baseGas.toString(),
      gasPrice: tx.gasPrice.toString(),
      gasToken: getAddress(tx.gasToken),
      refundReceiver: getAddress(tx.refundReceiver),
      nonce: Number(tx.nonce),
    },
    '1.4.1',
    BigInt(context.chainId),
  ) as Hex;
}

/** The JSON document a contract owner's own owners sign with `eth_signTypedData_v4`. */
export interface ServedSafeMessageTypedData {
  readonly types: Record<string, readonly { readonly name: string; readonly type: string }[]>;
  readonly domain: { readonly chainId: number; readonly verifyingContract: Address };
  readonly primaryType: 'SafeMessage';
  readonly message: { readonly message: Hex };
}

/**
 * What the owners of `ownerSafe` (a Safe 1.4.1 with the CompatibilityFallbackHandler, itself an owner of the DAO's
 * Safe) sign so that it approves a DAO Safe transaction: the SafeMessage of their own Safe
 * (`{ chainId, verifyingContract: ownerSafe }`, `SafeMessage(bytes message)`) over the transaction's
 * `safeTransactionPreimage`. The handler hashes exactly that when the DAO's Safe asks `isValidSignature`, and
 * checks it with the owner Safe's own owners and threshold; their signatures, concatenated as that Safe reads them,
 * are the contract owner's signature. `EIP712Domain` is in the types for MetaMask and other wallets.
 */
export function servedSafeMessageTypedData(chainId: number, ownerSafe: Address, preimage: Hex): ServedSafeMessageTypedData {
  const types = protocolKit().getEip712MessageTypes('1.4.1');
  return {
    types: { EIP712Domain: types.EIP712Domain, SafeMessage: types.SafeMessage },
    domain: { chainId, verifyingContract: ownerSafe },
    primaryType: 'SafeMessage',
    message: { message: preimage },
  };
}
