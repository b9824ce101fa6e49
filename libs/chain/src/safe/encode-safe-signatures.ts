import { hexToBigInt, type Hex } from 'viem';
import { buildSafeSignatureBytes, parseRecordedSignature } from './contract-signature';
import type { SafeSignature } from './safe-transaction';

/**
 * Owners' signatures the way `checkSignatures` reads them: ECDSA signatures (65 bytes each) and contract owners'
 * signatures as recorded (`recordedContractSignature`), static parts sorted by signer address ascending, the
 * contract signatures' bytes after them (the Safe rejects unsorted or duplicate owners with GS026).
 */
export function encodeSafeSignatures(signatures: readonly SafeSignature[]): Hex {
  const parsed = signatures.map(parseRecordedSignature);
  const signers = parsed.map((s) => hexToBigInt(s.signer)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < signers.length; i++) {
    if (signers[i] === signers[i - 1])
      throw new Error(`Two signatures from ${parsed.find((s) => hexToBigInt(s.signer) === signers[i])!.signer}`);
  }
  return buildSafeSignatureBytes(parsed);
}
