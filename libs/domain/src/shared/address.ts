import { asciiBytes, keccak256, toHex } from './keccak256';

/**
 * Addresses inside the domain are always EIP-55 checksummed strings, so two spellings of one account can
 * never become two members. Clients must send the checksummed form: an address that differs from it
 * (all-lowercase, all-uppercase, or a mistyped case) is refused rather than silently normalised, because
 * the checksum is the only typo protection an address has. An address whose checksum happens to contain no
 * upper-case letters (EIP-55's own "all lower" examples) is, by definition, checksummed and accepted.
 */
export type Address = `0x${string}`;

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** True when `value` is a 20-byte hex address (any case). */
export const isHexAddress = (value: unknown): value is Address => typeof value === 'string' && HEX_ADDRESS.test(value);

/** The EIP-55 form of a hex address; throws a RangeError for anything that is not 20 bytes of hex. */
export const toChecksumAddress = (value: string): Address => {
  if (!isHexAddress(value)) throw new RangeError(`Not a 20-byte hex address: ${String(value)}`);
  const lower = value.slice(2).toLowerCase();
  const hash = toHex(keccak256(asciiBytes(lower)));
  let out: Address = '0x';
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i];
    // A letter is upper-cased when the matching nibble of the hash is 8 or more.
    out += parseInt(hash[i], 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
};

/** True only for an address written exactly in its EIP-55 form. */
export const isChecksumAddress = (value: unknown): value is Address => isHexAddress(value) && toChecksumAddress(value) === value;

/**
 * An address as it comes in from outside, in its EIP-55 form, or null when it is not one. All-lowercase and
 * all-uppercase spellings carry no checksum and are accepted (the seed's caution: the same account arrives
 * in either case); a mixed-case spelling is a checksum, and one that does not match is refused as a typo.
 * For parts of the platform that compare addresses case-insensitively and store them checksummed.
 */
export const normaliseAddress = (value: unknown): Address | null => {
  if (!isHexAddress(value)) return null;
  const digits = value.slice(2);
  const checksummed = toChecksumAddress(value);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return checksummed;
  return checksummed === value ? checksummed : null;
};

/** True when two addresses name the same account, whatever their case. */
export const sameAddress = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
