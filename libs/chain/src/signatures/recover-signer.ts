import { ecdsaRecover } from 'secp256k1';
import { getAddress, hexToBytes, isHex, keccak256, type Address, type Hex } from 'viem';

const SIGNATURE_BYTES = 65;

/** The recovery bit of a signature's last byte, read as viem reads it (0/1 or 27/28); anything else is no signature. */
const recoveryBit = (v: number): 0 | 1 | null => (v === 0 || v === 27 ? 0 : v === 1 || v === 28 ? 1 : null);

/**
 * The address whose key made a 65-byte ECDSA signature (r ‖ s ‖ v) over a 32-byte digest, or null when it is no
 * such signature (wrong length, v not 0/1/27/28, r or s zero or not below the curve order, no point recovers).
 * It accepts exactly what viem's `recoverAddress` accepts, and recovers the same address (a fuzzed spec compares
 * the two), through libsecp256k1's native bindings: about 30 times faster than viem's pure-JS curve, which made
 * the signature check the ceiling of signed writes.
 */
export function recoverSigner(hash: Hex, signature: Hex): Address | null {
  if (!isHex(signature, { strict: true }) || !isHex(hash, { strict: true })) return null;
  const bytes = hexToBytes(signature);
  const digest = hexToBytes(hash);
  if (bytes.length !== SIGNATURE_BYTES || digest.length !== 32) return null;
  const bit = recoveryBit(bytes[64]);
  if (bit === null) return null;
  let publicKey: Uint8Array;
  try {
    publicKey = ecdsaRecover(bytes.subarray(0, 64), bit, digest, false);
  } catch {
    return null; // r or s out of range, or no point on the curve recovers
  }
  return getAddress(`0x${keccak256(publicKey.subarray(1)).slice(-40)}`);
}
