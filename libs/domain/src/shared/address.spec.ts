import { isChecksumAddress, normaliseAddress, toChecksumAddress } from './address';

// EIP-55's test cases (each also checked against viem's getAddress).
const EIP55_EXAMPLES = [
  '0x52908400098527886E0f7030069857d2e9169ee7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D', // all caps
  '0xde709f2102306220921060314715629080e2fb77', // all lower
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', // normal
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('EIP-55 addresses', () => {
  it.each(EIP55_EXAMPLES)('computes the checksum of %s', (address) => expect(toChecksumAddress(address.toLowerCase())).toBe(address));

  it.each(EIP55_EXAMPLES)('accepts %s as checksummed', (address) => expect(isChecksumAddress(address)).toBe(true));

  it('refuses an all-lowercase address whose checksum has upper-case letters', () =>
    expect(isChecksumAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(false));

  it('refuses a single flipped case', () => expect(isChecksumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false));

  it.each([
    undefined,
    42,
    '',
    '0x',
    '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe',
    '0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  ])('refuses %p as not an address', (value) => expect(isChecksumAddress(value)).toBe(false));

  it('will not checksum something that is not an address', () => expect(() => toChecksumAddress('0x1234')).toThrow(RangeError));
});

describe('normaliseAddress', () => {
  const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  it('checksums an all-lowercase or all-uppercase spelling', () => {
    expect(normaliseAddress(checksummed.toLowerCase())).toBe(checksummed);
    expect(normaliseAddress(`0x${checksummed.slice(2).toUpperCase()}`)).toBe(checksummed);
  });
  it('keeps a correct checksum and refuses a wrong one', () => {
    expect(normaliseAddress(checksummed)).toBe(checksummed);
    expect(normaliseAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBeNull();
  });
  it('refuses what is not an address', () => expect(normaliseAddress('0x1234')).toBeNull());
});
