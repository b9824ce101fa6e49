/**
 * Bytes as the chain writes them: `0x` and hex digits. Hashes, signatures and calldata are `Hex` from the
 * edge inward, so a plain string cannot reach a chain call by mistake. Types only: the domain stays free of
 * viem, whose `Hex` is the same template type.
 */
export type Hex = `0x${string}`;

/** A 32-byte value: a transaction or Safe transaction hash, a timelock operation id or salt. */
export type Hash = Hex;

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

/** True for `0x` followed by whole bytes of hex (any case). */
export const isHex = (value: unknown): value is Hex => typeof value === 'string' && HEX.test(value);

/** True for a 32-byte hash. */
export const isHash = (value: unknown): value is Hash => typeof value === 'string' && HASH.test(value);

/** The same bytes in lower case: how hashes are keyed (clients and nodes spell them either way). */
export const lowerHex = <H extends Hex>(value: H): H => value.toLowerCase() as H;
