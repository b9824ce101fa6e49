import { chainIntegerMessage, fitsChainInteger, isHexAddress, UINT256_MAX, type ChainIntegerType } from '@ayllu/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The field rules the API's DTOs share, each with one message wherever it is used. A rule checks the type
 * too, so a field of the wrong type gets one message rather than one per decorator.
 */

export { UINT256_MAX };
/** Log positions, cursors and other values stored as PostgreSQL `bigint`. */
export const INT64_MAX = 2n ** 63n - 1n;

export const HEX_ADDRESS_MESSAGE = 'must be a 0x-prefixed 20-byte address';
const BYTES32_MESSAGE = 'must be 32 bytes of 0x-prefixed hex';
const SIGNATURE_MESSAGE = 'must be a 65-byte 0x-prefixed hex signature';
const ONE_LINE_MESSAGE = 'must be one line';

const DECIMAL = /^(0|[1-9]\d*)$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;
/** A contract wallet's signature is what its `isValidSignature` reads: any length; ERC-6492 wrappers run to kilobytes. */
export const MAX_WALLET_SIGNATURE_BYTES = 16_384;
const WALLET_SIGNATURE = /^0x(?:[0-9a-fA-F]{2})+$/;
const WALLET_SIGNATURE_MESSAGE = `must be a 0x-prefixed hex signature of 65 to ${MAX_WALLET_SIGNATURE_BYTES} bytes`;

export interface UintBounds {
  readonly min?: bigint;
  readonly max?: bigint;
}

const label = (n: bigint): string => {
  for (const bits of [64, 128, 256]) {
    if (n === 2n ** BigInt(bits) - 1n) return `2^${bits} - 1`;
    if (n === 2n ** BigInt(bits - 1) - 1n) return `2^${bits - 1} - 1`;
  }
  return n.toString();
};

/** The one message of a decimal-string integer, naming its range when it has one. */
export const uintMessage = ({ min = 0n, max }: UintBounds = {}): string => {
  if (max !== undefined) return `must be an integer from ${label(min)} to ${label(max)} written as a decimal string`;
  if (min > 0n) return `must be an integer of at least ${label(min)} written as a decimal string`;
  return 'must be a non-negative integer written as a decimal string';
};

/** Decimal digits without sign, leading zeros or exponent, within the bounds: amounts, positions, page sizes. */
export const isUintString = (value: unknown, { min = 0n, max }: UintBounds = {}): value is string => {
  // The length check keeps a hostile megabyte of digits away from BigInt.
  if (typeof value !== 'string' || value.length > 80 || !DECIMAL.test(value)) return false;
  const n = BigInt(value);
  return n >= min && (max === undefined || n <= max);
};

/** 20 bytes of hex in any letter case; the handler checksums it (the domain refuses a mistyped checksum). */
export const IsHexAddress = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isHexAddress', validator: { validate: (v) => isHexAddress(v), defaultMessage: () => HEX_ADDRESS_MESSAGE } }, options);

export const IsUintString = (bounds: UintBounds = {}, options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isUintString', validator: { validate: (v) => isUintString(v, bounds), defaultMessage: () => uintMessage(bounds) } },
    options,
  );

/**
 * The constraint of a whole number too large for the chain type it is bound for: the request is well formed but
 * its value cannot be carried out, so the pipe answers it 422 (REQUEST.OUT_OF_RANGE) naming the field.
 */
export const CHAIN_INTEGER_CONSTRAINT = 'fitsChainInteger';

/** A decimal string out of the chain type's range (at any length: a thousand digits is out of range, not malformed). */
export const isOutOfChainRange = (value: unknown, type: ChainIntegerType, min = 0n): boolean =>
  typeof value === 'string' && DECIMAL.test(value) && (value.length > 80 || !fitsChainInteger(value, type, min));

/**
 * A decimal string that fits the chain type (`uint256` for amounts, `int96` for Superfluid flow rates), checked
 * with the domain's own rule. A value of the wrong shape (a JSON number, `-1`, `1e3`) is a 400 like any malformed
 * field; a well-formed whole number out of the type's range fails CHAIN_INTEGER_CONSTRAINT alone (422).
 */
export const IsChainInteger =
  (type: ChainIntegerType, min = 0n, options?: ValidationOptions) =>
  (target: object, key: string | symbol): void => {
    ValidateBy(
      {
        name: 'isWholeNumberString',
        validator: { validate: (v) => typeof v === 'string' && DECIMAL.test(v), defaultMessage: () => chainIntegerMessage(type, min) },
      },
      options,
    )(target, key as string);
    ValidateBy(
      {
        name: CHAIN_INTEGER_CONSTRAINT,
        validator: { validate: (v) => !isOutOfChainRange(v, type, min), defaultMessage: () => chainIntegerMessage(type, min) },
      },
      options,
    )(target, key as string);
  };

export const IsBytes32 = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isBytes32', validator: { validate: (v) => typeof v === 'string' && BYTES32.test(v), defaultMessage: () => BYTES32_MESSAGE } },
    options,
  );

/** An ECDSA signature as r ‖ s ‖ v. */
export const IsSignature = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSignature',
      validator: { validate: (v) => typeof v === 'string' && SIGNATURE.test(v), defaultMessage: () => SIGNATURE_MESSAGE },
    },
    options,
  );

/**
 * A member's wallet signature: 65 bytes (r ‖ s ‖ v) from a key, or a contract wallet's (EIP-1271, or ERC-6492
 * wrapped for one not deployed yet) of up to MAX_WALLET_SIGNATURE_BYTES. The length is checked before the pattern.
 */
export const IsWalletSignature = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isWalletSignature',
      validator: {
        validate: (v) =>
          typeof v === 'string' && v.length >= 132 && v.length <= 2 + 2 * MAX_WALLET_SIGNATURE_BYTES && WALLET_SIGNATURE.test(v),
        defaultMessage: () => WALLET_SIGNATURE_MESSAGE,
      },
    },
    options,
  );

export const IsOneLine = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isOneLine',
      validator: { validate: (v) => typeof v === 'string' && !/[\r\n]/.test(v), defaultMessage: () => ONE_LINE_MESSAGE },
    },
    options,
  );
