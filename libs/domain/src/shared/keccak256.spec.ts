import { asciiBytes, keccak256, toHex } from './keccak256';

// Expected digests are the published Keccak-256 values (the empty string's is the well-known
// c5d246…a470); the long inputs straddle the 136-byte block boundary where padding is easiest to get wrong.
const hash = (text: string) => toHex(keccak256(asciiBytes(text)));

describe('keccak256', () => {
  it.each([
    ['', 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'],
    ['abc', '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45'],
    ['The quick brown fox jumps over the lazy dog', '4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15'],
    ['a'.repeat(135), '34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446'],
    ['a'.repeat(136), 'a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e'],
    ['a'.repeat(137), 'd869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39'],
    ['a'.repeat(300), '5b7e0e47a96f32a88b4f14ca177982790807c40e1a105742ba0fc1babe1ef826'],
  ])('hashes a %#-th known vector', (input, digest) => expect(hash(input)).toBe(digest));

  it('refuses non-ASCII text instead of guessing an encoding', () => expect(() => asciiBytes('ñ')).toThrow(RangeError));
});
