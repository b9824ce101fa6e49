import { isAddressEqual, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { normaliseSafeSignature } from './normalise-safe-signature';
import type { SafeTransaction } from './safe-transaction';
import { safeTransactionTypedData, type SafeTransactionContext } from './safe-typed-data';

export type SafeSignatureCheck =
  /** `signature` is the form the Safe reads (v 27/28, low s): record that one. */
  | { readonly valid: true; readonly signer: Address; readonly signature: Hex }
  | {
      readonly valid: false;
      readonly reason: 'NOT_AN_OWNER' | 'SIGNER_MISMATCH' | 'MALFORMED' | 'UNSUPPORTED_V';
      readonly detail?: string;
      readonly recovered?: Address;
    };

/**
 * Checks a treasurer's EIP-712 signature over a Safe transaction by the Safe's own rules: rewritten to the form
 * the Safe reads (`normaliseSafeSignature`), it must recover to `claimedSigner` and that address must be among
 * `owners` (read them fresh with `readSafeState`: owners change). Pure apart from the elliptic-curve maths, so
 * the API can check a signature when it is submitted, long before execution.
 */
export async function verifySafeSignature(params: {
  readonly context: SafeTransactionContext;
  readonly transaction: SafeTransaction;
  readonly signature: Hex;
  readonly claimedSigner: Address;
  readonly owners: readonly Address[];
}): Promise<SafeSignatureCheck> {
  const { context, transaction, claimedSigner, owners } = params;
  const normalised = normaliseSafeSignature(params.signature);
  if (!normalised.ok) return { valid: false, reason: normalised.reason, detail: normalised.detail };
  const { signature } = normalised;
  let recovered: Address;
  try {
    recovered = await recoverTypedDataAddress({ ...safeTransactionTypedData(context, transaction), signature });
  } catch {
    return { valid: false, reason: 'MALFORMED' };
  }
  if (!isAddressEqual(recovered, claimedSigner)) return { valid: false, reason: 'SIGNER_MISMATCH', recovered };
  if (!owners.some((owner) => isAddressEqual(owner, recovered))) return { valid: false, reason: 'NOT_AN_OWNER', recovered };
  return { valid: true, signer: recovered, signature };
}
