import { concat, hexToBigInt, keccak256, numberToHex, recoverAddress, slice, toHex, type Hex } from 'viem';
import { privateKeyToAccount, sign } from 'viem/accounts';
import { normaliseSafeSignature } from './normalise-safe-signature';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const key = keccak256(toHex('ayllu:normalise'));
const account = privateKeyToAccount(key);
const digest = keccak256(toHex('a Safe transaction'));

const parts = (signature: Hex) => ({
  r: slice(signature, 0, 32),
  s: hexToBigInt(slice(signature, 32, 64)),
  v: hexToBigInt(slice(signature, 64, 65)),
});
const withV = (signature: Hex, v: number) => concat([slice(signature, 0, 64), numberToHex(v, { size: 1 })]);
/** The same ECDSA signature with s replaced by n − s and the other y-parity: another valid encoding. */
const highS = (signature: Hex) => {
  const { r, s, v } = parts(signature);
  return concat([r, numberToHex(N - s, { size: 32 }), numberToHex(v === 27n ? 28 : 27, { size: 1 })]);
};

describe('normaliseSafeSignature', () => {
  let canonical: Hex;
  beforeAll(async () => {
    canonical = await sign({ hash: digest, privateKey: key, to: 'hex' });
  });

  it('keeps a signature already in the form the Safe reads', () =>
    expect(normaliseSafeSignature(canonical)).toEqual({ ok: true, signature: canonical, changed: false }));

  it('rewrites v 0/1 (y-parity) to 27/28: the Safe would read 0 as a contract signature and 1 as an approved hash', () => {
    const v = Number(parts(canonical).v);
    expect(normaliseSafeSignature(withV(canonical, v - 27))).toEqual({ ok: true, signature: canonical, changed: true });
  });

  it('rewrites a high s to its low twin, same signer', async () => {
    const high = highS(canonical);
    expect(await recoverAddress({ hash: digest, signature: high })).toBe(account.address);
    expect(normaliseSafeSignature(high)).toEqual({ ok: true, signature: canonical, changed: true });
  });

  it('refuses any other v (eth_sign or garbage) and malformed values', () => {
    expect(normaliseSafeSignature(withV(canonical, 31))).toMatchObject({ ok: false, reason: 'UNSUPPORTED_V' });
    expect(normaliseSafeSignature(withV(canonical, 2))).toMatchObject({ ok: false, reason: 'UNSUPPORTED_V' });
    expect(normaliseSafeSignature(concat([slice(canonical, 0, 32), numberToHex(0, { size: 32 }), '0x1b']))).toMatchObject({
      ok: false,
      reason: 'MALFORMED',
    });
    expect(normaliseSafeSignature('0x1234')).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });
});
