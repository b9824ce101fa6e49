/**
 * The integer types of the chain that the platform's numbers end up in. An amount is a `uint256` (ERC-20
 * balances, the vault's minimum deposit, allowances); a Superfluid flow rate is an `int96` (wei per second).
 * A value outside its type cannot be encoded into a transaction: accepted here, it would make every deployment
 * or execution that carries it fail for good. The API's request checks and the domain's validators both use
 * these, so a bound is written once.
 */
export const CHAIN_INTEGERS = {
  uint256: { min: 0n, max: 2n ** 256n - 1n },
  int96: { min: -(2n ** 95n), max: 2n ** 95n - 1n },
} as const;

export type ChainIntegerType = keyof typeof CHAIN_INTEGERS;

/** The largest amount (uint256) and the largest flow rate (int96). */
export const UINT256_MAX = CHAIN_INTEGERS.uint256.max;
export const INT96_MAX = CHAIN_INTEGERS.int96.max;

/** Decimal digits without sign, leading zeros or exponent; the length cap keeps a megabyte of digits from BigInt. */
const DECIMAL = /^(0|[1-9]\d*)$/;
const MAX_DIGITS = 80;

/** A bigint, or a decimal string, as a bigint; null for anything else (a JSON number, `-1`, `1e3`, `0x10`). */
export const parseWholeNumber = (value: unknown): bigint | null => {
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'string' || value.length > MAX_DIGITS || !DECIMAL.test(value)) return null;
  return BigInt(value);
};

/** True when `value` (a bigint or a decimal string) is a whole number that fits `type`, at least `min`. */
export const fitsChainInteger = (value: unknown, type: ChainIntegerType, min: bigint = CHAIN_INTEGERS[type].min): boolean => {
  const n = parseWholeNumber(value);
  return n !== null && n >= min && n <= CHAIN_INTEGERS[type].max;
};

const label = (n: bigint): string => {
  if (n === CHAIN_INTEGERS.uint256.max) return '2^256 - 1';
  if (n === CHAIN_INTEGERS.int96.max) return '2^95 - 1';
  if (n === CHAIN_INTEGERS.int96.min) return '-2^95';
  return n.toString();
};

/** The one wording of a refused chain integer, naming its range: `must be a whole number from 1 to 2^95 - 1 (int96)`. */
export const chainIntegerMessage = (type: ChainIntegerType, min: bigint = CHAIN_INTEGERS[type].min): string =>
  `must be a whole number from ${label(min)} to ${label(CHAIN_INTEGERS[type].max)} (${type})`;
