/**
 * Keccak-256 (the pre-standard padding Ethereum uses, not SHA3-256), written for the domain so that
 * address checksums need no crypto library: libs/domain imports nothing outside itself.
 *
 * Lanes are 64-bit BigInts. That is slower than a 32-bit-pair implementation, but the domain hashes a
 * few 20-byte addresses per command, and this form reads like the specification (FIPS 202 §3.2).
 */
const MASK = (1n << 64n) - 1n;
const RATE_BYTES = 136; // 1600 - 2 × 256 bits of capacity

const rotl = (lane: bigint, by: number): bigint => (by === 0 ? lane : ((lane << BigInt(by)) | (lane >> BigInt(64 - by))) & MASK);

/** ρ offsets, derived as in the spec: walk (x, y) → (y, 2x + 3y) from (1, 0), offset (t+1)(t+2)/2. */
const RHO: readonly number[] = (() => {
  const offsets = new Array<number>(25).fill(0);
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    offsets[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  return offsets;
})();

/** ι round constants from the spec's 8-bit LFSR (x⁸ + x⁶ + x⁵ + x⁴ + 1); bit j lands at 2^j − 1. */
const ROUND_CONSTANTS: readonly bigint[] = (() => {
  const constants: bigint[] = [];
  let lfsr = 1;
  for (let round = 0; round < 24; round++) {
    let constant = 0n;
    for (let j = 0; j < 7; j++) {
      if (lfsr & 1) constant |= 1n << BigInt((1 << j) - 1);
      lfsr = lfsr & 0x80 ? ((lfsr << 1) ^ 0x71) & 0xff : (lfsr << 1) & 0xff;
    }
    constants.push(constant);
  }
  return constants;
})();

const permute = (state: bigint[]): void => {
  const c = new Array<bigint>(5);
  const b = new Array<bigint>(25);
  for (const roundConstant of ROUND_CONSTANTS) {
    // θ: mix each column's parity into its neighbours.
    for (let x = 0; x < 5; x++) c[x] = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) state[x + y] = state[x + y] ^ d;
    }
    // ρ and π: rotate each lane and move it to (y, 2x + 3y).
    for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(state[x + 5 * y], RHO[x + 5 * y]);
    // χ: the only non-linear step.
    for (let y = 0; y < 25; y += 5)
      for (let x = 0; x < 5; x++) state[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & MASK & b[((x + 2) % 5) + y]);
    // ι
    state[0] = state[0] ^ roundConstant;
  }
};

/** Keccak-256 of `bytes`, as 32 bytes. */
export const keccak256 = (bytes: Uint8Array): Uint8Array => {
  // Keccak padding: 0x01 after the message, 0x80 on the block's last byte (the same byte may take both).
  const padded = new Uint8Array(Math.floor(bytes.length / RATE_BYTES + 1) * RATE_BYTES);
  padded.set(bytes);
  padded[bytes.length] = padded[bytes.length] ^ 0x01;
  padded[padded.length - 1] = padded[padded.length - 1] ^ 0x80;

  const state = new Array<bigint>(25).fill(0n);
  for (let offset = 0; offset < padded.length; offset += RATE_BYTES) {
    for (let lane = 0; lane < RATE_BYTES / 8; lane++) state[lane] = state[lane] ^ readLane(padded, offset + lane * 8);
    permute(state);
  }
  const out = new Uint8Array(32);
  for (let lane = 0; lane < 4; lane++) writeLane(out, lane * 8, state[lane]);
  return out;
};

const readLane = (bytes: Uint8Array, at: number): bigint => {
  let lane = 0n;
  for (let i = 7; i >= 0; i--) lane = (lane << 8n) | BigInt(bytes[at + i]);
  return lane;
};

const writeLane = (out: Uint8Array, at: number, lane: bigint): void => {
  for (let i = 0; i < 8; i++) out[at + i] = Number((lane >> BigInt(8 * i)) & 0xffn);
};

/** Lower-case hex without `0x`. */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Bytes of an ASCII string (what EIP-55 hashes); refuses anything outside ASCII rather than guess an encoding. */
export const asciiBytes = (text: string): Uint8Array =>
  Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0x7f) throw new RangeError('asciiBytes: non-ASCII character');
    return code;
  });
