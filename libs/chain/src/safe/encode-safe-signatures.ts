import { concat, hexToBigInt, size, type Hex } from 'viem';
import type { SafeSignature } from './safe-transaction';

/**
 * Concatenates owners' ECDSA signatures the way `checkSignatures` reads them: 65 bytes each, sorted by
 * signer address ascending (the Safe rejects unsorted or duplicate owners with GS026).
 */
export function encodeSafeSignatures(signatures: readonly SafeSignature[]): Hex {
  const sorted = [...signatures].sort((a, b) => {
    const left = hexToBigInt(a.signer);
    const right = hexToBigInt(b.signer);
    return left < right ? -1 : left > right ? 1 : 0;
  });
  for (let i = 1; i < sorted.length; i++) {
    if (hexToBigInt(sorted[i].signer) === hexToBigInt(sorted[i - 1].signer)) {
      throw new Error(`Two signatures from ${sorted[i].signer}`);
    }
  }
  for (const signature of sorted) {
    if (size(signature.data) !== 65) throw new Error(`A Safe ECDSA signature is 65 bytes, got ${size(signature.data)}`);
  }
  return concat(sorted.map((signature) => signature.data));
}
