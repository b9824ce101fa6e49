import { validate } from 'class-validator';
import type { ProblemException } from '../problem';
import { RequestValidationPipe } from './request-validation.pipe';
import {
  INT64_MAX,
  IsBytes32,
  IsChainInteger,
  IsHexAddress,
  IsOneLine,
  IsSignature,
  IsUintString,
  isUintString,
  IsWalletSignature,
  MAX_WALLET_SIGNATURE_BYTES,
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
  @IsWalletSignature() walletSignature: unknown;
}

const VALID = {
  address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  amount: UINT256_MAX.toString(),
  position: '1',
  nonce: `0x${'ab'.repeat(32)}`,
  signature: `0x${'ab'.repeat(65)}`,
  title: 'One line',
  walletSignature: `0x${'ab'.repeat(65)}`,
};

const errorsOf = async (changes: Record<string, unknown>) => {
  const sample = Object.assign(new Sample(), VALID, changes);
  return Object.fromEntries((await validate(sample)).map((e) => [e.property, Object.values(e.constraints ?? {})]));
};

const WALLET_MESSAGE = `must be a 0x-prefixed hex signature of 65 to ${MAX_WALLET_SIGNATURE_BYTES} bytes`;

describe('the shared field rules', () => {
  it('accept valid values, addresses in any letter case', async () => expect(await errorsOf({})).toEqual({}));

  it("accept a contract wallet's signature up to the limit", async () =>
    expect(await errorsOf({ walletSignature: `0x${'Ab'.repeat(MAX_WALLET_SIGNATURE_BYTES)}` })).toEqual({}));

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
    ['a 64-byte wallet signature', { walletSignature: `0x${'ab'.repeat(64)}` }, 'walletSignature', WALLET_MESSAGE],
    ['a wallet signature of odd length', { walletSignature: `0x${'ab'.repeat(70)}a` }, 'walletSignature', WALLET_MESSAGE],
    ['a wallet signature that is not hex', { walletSignature: `0x${'zz'.repeat(70)}` }, 'walletSignature', WALLET_MESSAGE],
    ['a wallet signature without 0x', { walletSignature: 'ab'.repeat(70) }, 'walletSignature', WALLET_MESSAGE],
    ['a wallet signature as a number', { walletSignature: 1234 }, 'walletSignature', WALLET_MESSAGE],
    [
      'a wallet signature over the limit',
      { walletSignature: `0x${'ab'.repeat(MAX_WALLET_SIGNATURE_BYTES + 1)}` },
      'walletSignature',
      WALLET_MESSAGE,
    ],
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

class Payment {
  @IsChainInteger('uint256') amount: unknown;
  @IsChainInteger('int96') flowRatePerSecond: unknown;
}

describe('chain integers through the request pipe', () => {
  const pipe = new RequestValidationPipe();
  const refusal = async (body: Record<string, unknown>) => {
    try {
      await pipe.transform({ amount: '1', flowRatePerSecond: '1', ...body }, { type: 'body', metatype: Payment });
    } catch (error) {
      const { status, code, errors } = (error as ProblemException).problem;
      return { status, code, errors };
    }
    return null;
  };
  const I96 = 2n ** 95n - 1n;

  it('accept each type up to its maximum', async () => {
    expect(await refusal({ amount: UINT256_MAX.toString(), flowRatePerSecond: I96.toString() })).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'an amount above uint256',
      { amount: (UINT256_MAX + 1n).toString() },
      'amount',
      'must be a whole number from 0 to 2^256 - 1 (uint256)',
    ],
    ['a thousand digits', { amount: '9'.repeat(1000) }, 'amount', 'must be a whole number from 0 to 2^256 - 1 (uint256)'],
    [
      'a flow rate above int96',
      { flowRatePerSecond: (I96 + 1n).toString() },
      'flowRatePerSecond',
      'must be a whole number from 0 to 2^95 - 1 (int96)',
    ],
  ])('answer %s 422 REQUEST.OUT_OF_RANGE naming the field', async (_label, body, field, message) =>
    expect(await refusal(body)).toEqual({ status: 422, code: 'REQUEST.OUT_OF_RANGE', errors: [{ field, message }] }),
  );

  it.each<[string, Record<string, unknown>]>([
    ['a negative amount', { amount: '-1' }],
    ['an amount as a JSON number', { amount: 5 }],
    ['a flow rate with an exponent', { flowRatePerSecond: '1e3' }],
    ['an out-of-range amount beside a malformed flow rate', { amount: (UINT256_MAX + 1n).toString(), flowRatePerSecond: 'x' }],
  ])('answer %s 400 like any malformed field', async (_label, body) =>
    expect(await refusal(body)).toMatchObject({ status: 400, code: 'REQUEST.INVALID' }),
  );
});
