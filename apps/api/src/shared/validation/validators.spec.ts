import { validate } from 'class-validator';
import {
  INT64_MAX,
  IsBytes32,
  IsHexAddress,
  IsOneLine,
  IsSignature,
  IsUintString,
  isUintString,
  UINT256_MAX,
  uintMessage,
} from './validators';

class Sample {
  @IsHexAddress() address: unknown;
  @IsUintString({ max: UINT256_MAX }) amount: unknown;
  @IsUintString({ min: 1n, max: INT64_MAX }) position: unknown;
  @IsBytes32() nonce: unknown;
  @IsSignature() signature: unknown;
  @IsOneLine() title: unknown;
}

const VALID = {
  address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  amount: UINT256_MAX.toString(),
  position: '1',
  nonce: `0x${'ab'.repeat(32)}`,
  signature: `0x${'ab'.repeat(65)}`,
  title: 'One line',
};

const errorsOf = async (changes: Record<string, unknown>) => {
  const sample = Object.assign(new Sample(), VALID, changes);
  return Object.fromEntries((await validate(sample)).map((e) => [e.property, Object.values(e.constraints ?? {})]));
};

describe('the shared field rules', () => {
  it('accept valid values, addresses in any letter case', async () => expect(await errorsOf({})).toEqual({}));

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a short address', { address: '0x1234' }, 'address', 'must be a 0x-prefixed 20-byte address'],
    ['an address as a number', { address: 42 }, 'address', 'must be a 0x-prefixed 20-byte address'],
    ['an amount over 2^256 - 1', { amount: (UINT256_MAX + 1n).toString() }, 'amount', uintMessage({ max: UINT256_MAX })],
    ['a negative amount', { amount: '-1' }, 'amount', uintMessage({ max: UINT256_MAX })],
    ['an amount with a leading zero', { amount: '01' }, 'amount', uintMessage({ max: UINT256_MAX })],
    ['an amount as a JSON number', { amount: 5 }, 'amount', uintMessage({ max: UINT256_MAX })],
    ['position 0', { position: '0' }, 'position', 'must be an integer from 1 to 2^63 - 1 written as a decimal string'],
    ['a position past PostgreSQL bigint', { position: (INT64_MAX + 1n).toString() }, 'position', uintMessage({ min: 1n, max: INT64_MAX })],
    ['a short nonce', { nonce: '0x12' }, 'nonce', 'must be 32 bytes of 0x-prefixed hex'],
    ['a 64-byte signature', { signature: `0x${'ab'.repeat(64)}` }, 'signature', 'must be a 65-byte 0x-prefixed hex signature'],
    ['a title over two lines', { title: 'one\ntwo' }, 'title', 'must be one line'],
  ])('refuse %s with one message', async (_label, changes, field, message) =>
    expect(await errorsOf(changes)).toEqual({ [field]: [message] }),
  );

  it('keep a megabyte of digits away from BigInt', () => expect(isUintString('9'.repeat(1_000_000))).toBe(false));

  it('word the ranges', () => {
    expect(uintMessage()).toBe('must be a non-negative integer written as a decimal string');
    expect(uintMessage({ min: 1n, max: 100n })).toBe('must be an integer from 1 to 100 written as a decimal string');
    expect(uintMessage({ max: UINT256_MAX })).toBe('must be an integer from 0 to 2^256 - 1 written as a decimal string');
    expect(uintMessage({ min: 1n })).toBe('must be an integer of at least 1 written as a decimal string');
  });
});
