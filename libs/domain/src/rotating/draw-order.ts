import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import { keccak256, toHex } from '../shared/keccak256';

/**
 * The verifiable lottery (commit–reveal). On joining, each member commits `keccak256(secret ‖ member)`;
 * a secret is 32 bytes. Only once the pool is full (every commitment made) does anyone reveal, so a late
 * joiner cannot pick a secret against revealed ones; a reveal must match its commitment. The seed is `keccak256(secret₁ ‖ … ‖ secretₙ)` in join order, and the order is
 * a Fisher–Yates shuffle of the join order driven by `keccak256(seed ‖ i)`. Commitments, secrets and the
 * join order are all in the log (RotatingPoolMemberJoined, LotterySecretRevealed, RotatingPoolStarted.draw), so
 * anyone recomputes the order with `drawOrder`.
 *
 * What no single party can do: choose the order. Every secret is fixed (committed) before any is revealed,
 * and the commitment binds the member's address, so no one can copy another's commitment; as long as one
 * member's secret is unpredictable, the seed is. A member who sees the others' reveals first learns the
 * outcome but can no longer change it.
 *
 * The fallback when someone never reveals: once the start date has passed, the organiser (the DAO's Safe) may
 * start the pool; the draw then shuffles the members who revealed, and those who did not (`unrevealed`, in join
 * order) take the last slots. Withholding a secret therefore cannot improve a member's place, only lose it.
 */
export interface DrawInputs {
  /** Members in join order. */
  readonly members: readonly Address[];
  /** Each member's revealed secret, in the same order. */
  readonly secrets: readonly Hash[];
  /** Members who did not reveal by the organiser's start, in join order: they take the last slots. */
  readonly unrevealed?: readonly Address[];
}

const bytesOf = (hex: string): Uint8Array => {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
};

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const uint32 = (n: number): Uint8Array => Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/** The commitment a member publishes on joining. */
export const lotteryCommitment = (secret: Hash, member: Address): Hash =>
  `0x${toHex(keccak256(concat([bytesOf(secret), bytesOf(member)])))}`;

export const drawSeed = (secrets: readonly Hash[]): Hash => `0x${toHex(keccak256(concat(secrets.map(bytesOf))))}`;

/** The recipients' order, deterministic in its inputs. */
export const drawOrder = (inputs: DrawInputs): readonly Address[] => {
  if (inputs.members.length !== inputs.secrets.length) throw new RangeError('drawOrder: one secret per member');
  if (inputs.members.length === 0) return [...(inputs.unrevealed ?? [])];
  const seed = bytesOf(drawSeed(inputs.secrets));
  const order = [...inputs.members];
  for (let i = order.length - 1; i > 0; i--) {
    // 256 bits modulo at most 50: the bias is below 2⁻²⁵⁰.
    const j = Number(BigInt(`0x${toHex(keccak256(concat([seed, uint32(i)])))}`) % BigInt(i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return [...order, ...(inputs.unrevealed ?? [])];
};
