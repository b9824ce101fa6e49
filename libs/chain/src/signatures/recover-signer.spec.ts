import fc from 'fast-check';
import { concatHex, keccak256, numberToHex, recoverAddress, toHex, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { recoverSigner } from './recover-signer';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const word = (n: bigint): Hex => numberToHex(n, { size: 32 });
/** What viem's own recovery says: the address, or null where it throws. */
const viemSays = async (hash: Hex, signature: Hex) => recoverAddress({ hash, signature }).catch(() => null);

describe('recoverSigner (native secp256k1)', () => {
  it('recovers the signer of real signatures, as viem does, for v 27/28 and yParity 0/1', async () => {
    for (let i = 0; i < 20; i++) {
      const account = privateKeyToAccount(generatePrivateKey());
      const hash = keccak256(toHex(`message ${i}`));
      const signature = await account.sign({ hash });
      expect(recoverSigner(hash, signature)).toBe(account.address);
      const v = Number.parseInt(signature.slice(-2), 16);
      const parity = concatHex([signature.slice(0, 130) as Hex, numberToHex(v - 27, { size: 1 })]);
      expect(recoverSigner(hash, parity)).toBe(account.address);
      expect(await viemSays(hash, parity)).toBe(account.address);
    }
  });

  it('accepts and refuses exactly what viem accepts and refuses, recovering the same address (fuzzed)', async () => {
    const scalar = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
      fc.constantFrom(0n, 1n, N - 1n, N, N + 1n, 2n ** 256n - 1n, N / 2n, N / 2n + 1n),
    );
    const v = fc.oneof(fc.constantFrom(0, 1, 27, 28), fc.integer({ min: 0, max: 255 }));
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), scalar, scalar, v, async (h, r, s, recovery) => {
        const hash = word(h);
        const signature = concatHex([word(r), word(s), numberToHex(recovery, { size: 1 })]);
        expect(recoverSigner(hash, signature)).toBe(await viemSays(hash, signature));
      }),
      { numRuns: 400 },
    );
  });

  it('recovers a high-s twin of a signature (as viem does: the nonce, not s, prevents replay)', async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const hash = keccak256(toHex('twin'));
    const signature = await account.sign({ hash });
    const s = BigInt(`0x${signature.slice(66, 130)}`);
    const v = Number.parseInt(signature.slice(-2), 16);
    const twin = concatHex([signature.slice(0, 66) as Hex, word(N - s), numberToHex(v === 27 ? 28 : 27, { size: 1 })]);
    expect(recoverSigner(hash, twin)).toBe(account.address);
    expect(await viemSays(hash, twin)).toBe(account.address);
  });

  it('is null for what is no 65-byte signature over a 32-byte digest', () => {
    const hash = keccak256('0x01');
    expect(recoverSigner(hash, '0x')).toBeNull();
    expect(recoverSigner(hash, `0x${'11'.repeat(64)}`)).toBeNull();
    expect(recoverSigner(hash, `0x${'11'.repeat(66)}`)).toBeNull();
    expect(recoverSigner(hash, `0x${'zz'.repeat(65)}`)).toBeNull();
    expect(recoverSigner('0x1234', `0x${'11'.repeat(64)}1b`)).toBeNull();
  });
});
