import { concat, hexToBigInt, numberToHex, size, slice, type Hex } from 'viem';

/** secp256k1's group order; a signature's s above half of it has a twin (n − s, the other v) for the same signer. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N / 2n;

export type NormalisedSafeSignature =
  | { readonly ok: true; readonly signature: Hex; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'MALFORMED' | 'UNSUPPORTED_V'; readonly detail: string };

/**
 * The form of an owner's ECDSA signature that the Safe reads as one: 65 bytes r‖s‖v with v 27 or 28 and a low s.
 * The Safe's `checkNSignatures` reads v itself: 0 is a contract signature (r is taken as the signer's address),
 * 1 an approved hash, above 30 an `eth_sign` signature of another digest. So the same ECDSA signature given
 * with v 0/1 (the y-parity many libraries return) or with a high s is rewritten to the canonical form (same
 * signer, same signature), and anything else is refused rather than accepted and then refused by the Safe.
 */
export function normaliseSafeSignature(signature: Hex): NormalisedSafeSignature {
  if (size(signature) !== 65)
    return { ok: false, reason: 'MALFORMED', detail: `a Safe owner signature is 65 bytes, got ${size(signature)}` };
  const r = hexToBigInt(slice(signature, 0, 32));
  let s = hexToBigInt(slice(signature, 32, 64));
  let v = Number(hexToBigInt(slice(signature, 64, 65)));
  if (r === 0n || r >= N || s === 0n || s >= N) return { ok: false, reason: 'MALFORMED', detail: 'r and s must be between 1 and n − 1' };
  if (v === 0 || v === 1) v += 27;
  if (v !== 27 && v !== 28)
    return {
      ok: false,
      reason: 'UNSUPPORTED_V',
      detail: `v = ${v}: the Safe reads only an EIP-712 ECDSA signature here (v 27 or 28; 0 or 1 as y-parity)`,
    };
  if (s > HALF_N) {
    s = N - s;
    v = v === 27 ? 28 : 27;
  }
  const canonical = concat([slice(signature, 0, 32), numberToHex(s, { size: 32 }), numberToHex(v, { size: 1 })]);
  return { ok: true, signature: canonical, changed: canonical.toLowerCase() !== signature.toLowerCase() };
}
