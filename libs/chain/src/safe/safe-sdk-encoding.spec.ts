import { describe, expect, it } from '@jest/globals';
import { decodeMultiSendData } from '@safe-global/protocol-kit';
import { decodeFunctionData, getAddress, hashTypedData, keccak256, toHex, zeroAddress, type Hex } from 'viem';
import { multiSendCallOnlyAbi } from '../abi/multi-send-call-only';
import { encodeMultiSendCallOnly } from './encode-multi-send';
import { hashSafeTransaction, safeTransactionTypedData } from './safe-typed-data';

const address = (seed: string) => getAddress(keccak256(toHex(seed)).slice(0, 42));

describe("Safe encodings through Safe's SDK", () => {
  it('packs a MultiSendCallOnly batch that decodes back to the same calls', () => {
    const calls = [
      { to: address('a'), value: 0n, data: '0x' as Hex },
      { to: address('b'), value: 10n ** 18n, data: '0xdeadbeef' as Hex },
      { to: address('c'), value: 1n, data: toHex(new Uint8Array(300).fill(7)) },
    ];
    const encoded = encodeMultiSendCallOnly(calls);
    expect(decodeFunctionData({ abi: multiSendCallOnlyAbi, data: encoded }).functionName).toBe('multiSend');
    const decoded = decodeMultiSendData(encoded);
    expect(decoded.map((c) => ({ to: getAddress(c.to), value: BigInt(c.value), data: c.data, operation: c.operation }))).toEqual(
      calls.map((c) => ({ ...c, operation: 0 })),
    );
  });

  it('refuses an empty batch', () => {
    expect(() => encodeMultiSendCallOnly([])).toThrow('A MultiSend batch needs at least one call');
  });

  it('hashes a Safe transaction as the EIP-712 digest of the typed data owners sign', () => {
    const context = { chainId: 8453, safe: address('safe') };
    const tx = {
      to: address('to'),
      value: 5n,
      data: '0x1234' as Hex,
      operation: 1 as const,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: zeroAddress,
      refundReceiver: zeroAddress,
      nonce: 42n,
    };
    expect(hashSafeTransaction(context, tx)).toBe(hashTypedData(safeTransactionTypedData(context, tx)));
    expect(hashSafeTransaction({ ...context, chainId: 1 }, tx)).not.toBe(hashSafeTransaction(context, tx));
  });
});
