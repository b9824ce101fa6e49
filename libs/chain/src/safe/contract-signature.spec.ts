import { concat, getAddress, keccak256, numberToHex, pad, toHex, type Address, type Hex } from 'viem';
import { buildSafeTransaction } from './build-safe-transaction';
import { parseRecordedSignature, recordedContractSignature, safeTransactionPreimage } from './contract-signature';
import { encodeSafeSignatures } from './encode-safe-signatures';
import { hashSafeTransaction } from './safe-typed-data';

const low: Address = '0x1000000000000000000000000000000000000001';
const mid: Address = '0x5000000000000000000000000000000000000005';
const high: Address = getAddress('0xf00000000000000000000000000000000000000f');
const ecdsa = (byte: string): Hex => `0x${byte.repeat(64)}1b`;
const inner: Hex = `0x${'ab'.repeat(65)}`;

describe('contract signatures (EIP-1271) beside ECDSA ones', () => {
  it("are recorded in the Safe's own encoding of one signature: r = owner, s = 65, v = 0, then length and bytes", () => {
    const recorded = recordedContractSignature(mid, inner);
    expect(recorded).toBe(concat([pad(mid), numberToHex(65, { size: 32 }), '0x00', numberToHex(65, { size: 32 }), inner]).toLowerCase());
    expect(parseRecordedSignature({ signer: mid, data: recorded })).toEqual({ kind: 'contract', signer: mid, data: inner });
    expect(parseRecordedSignature({ signer: low, data: ecdsa('11') })).toEqual({ kind: 'ecdsa', signer: low, data: ecdsa('11') });
  });

  it('refuses a recorded contract signature of another owner or with a wrong length', () => {
    const recorded = recordedContractSignature(mid, inner);
    expect(() => parseRecordedSignature({ signer: low, data: recorded })).toThrow('not in the form the Safe reads');
    expect(() => parseRecordedSignature({ signer: mid, data: concat([recorded, '0x00']) })).toThrow('not in the form the Safe reads');
    expect(() => parseRecordedSignature({ signer: mid, data: `0x${'11'.repeat(70)}` })).toThrow('neither 65 ECDSA bytes');
  });

  it('are laid out after all static parts, sorted by owner, with s pointing at their bytes', () => {
    const other: Hex = '0x0102';
    const bytes = encodeSafeSignatures([
      { signer: high, data: recordedContractSignature(high, other) },
      { signer: mid, data: recordedContractSignature(mid, inner) },
      { signer: low, data: ecdsa('11') },
    ]);
    const expected = concat([
      ecdsa('11'),
      pad(mid),
      numberToHex(3 * 65, { size: 32 }),
      '0x00',
      pad(high),
      numberToHex(3 * 65 + 32 + 65, { size: 32 }),
      '0x00',
      numberToHex(65, { size: 32 }),
      inner,
      numberToHex(2, { size: 32 }),
      other,
    ]);
    expect(bytes.toLowerCase()).toBe(expected.toLowerCase());
  });

  it('refuses two signatures from one owner', () => {
    expect(() =>
      encodeSafeSignatures([
        { signer: mid, data: ecdsa('22') },
        { signer: mid, data: recordedContractSignature(mid, inner) },
      ]),
    ).toThrow('Two signatures from');
  });

  it("hand the owner contract the transaction's encoded data, whose hash is the safeTxHash", () => {
    const context = { chainId: 31337, safe: high };
    const tx = buildSafeTransaction({ calls: [{ to: low, value: 5n, data: toHex('call') }], nonce: 7n });
    const preimage = safeTransactionPreimage(context, tx);
    expect(preimage.slice(0, 6)).toBe('0x1901');
    expect(keccak256(preimage)).toBe(hashSafeTransaction(context, tx));
  });
});
