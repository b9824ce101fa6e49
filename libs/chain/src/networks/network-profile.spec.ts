import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBuiltInNetwork } from './built-in-networks';
import { readNetworkProfile, selectNetworkProfile } from './load-network-profile';
import { parseNetworkProfile } from './network-profile';

const base = JSON.parse(JSON.stringify(findBuiltInNetwork('base-sepolia'))) as Record<string, unknown>;
const file = (content: string) => {
  const name = path.join(mkdtempSync(path.join(tmpdir(), 'ayllu-profile-')), 'chain.json');
  writeFileSync(name, content);
  return name;
};

describe('a network profile file', () => {
  it('round-trips a built-in profile', () => {
    expect(parseNetworkProfile(base)).toEqual(findBuiltInNetwork('base-sepolia'));
    expect(selectNetworkProfile({ NETWORK_PROFILE: file(JSON.stringify(base)), CHAIN: 'ethereum' })?.chainId).toBe(84532);
  });

  it.each<[string, (p: Record<string, unknown>) => unknown, RegExp]>([
    [
      'a missing Safe contract',
      (p) => ({ ...p, safe: { ...(p.safe as object), multiSend: undefined } }),
      /safe\.multiSend is missing or not an address$/,
    ],
    [
      'a malformed Superfluid address',
      (p) => ({ ...p, superfluid: { ...(p.superfluid as object), host: '0x1234' } }),
      /superfluid\.host is missing/,
    ],
    ['no chain id', (p) => ({ ...p, chainId: '84532' }), /chainId is not a positive integer$/],
    [
      'a token without its Super Token',
      (p) => ({ ...p, tokens: [{ symbol: 'USDC', address: (p.safe as { singleton: string }).singleton }] }),
      /tokens\[0\]\.superToken is missing/,
    ],
    ['an array', () => [], /is not a JSON object$/],
  ])('is refused with one line naming the field for %s', (_label, change, message) => {
    expect(() => parseNetworkProfile(change(base), 'NETWORK_PROFILE=x.json')).toThrow(message);
  });

  it('that is missing or not JSON is named as such', () => {
    expect(() => readNetworkProfile('/nonexistent/chain.json')).toThrow('NETWORK_PROFILE=/nonexistent/chain.json: the file cannot be read');
    const broken = file('{ "name": ');
    expect(() => readNetworkProfile(broken)).toThrow(`NETWORK_PROFILE=${broken}: the file is not JSON`);
  });
});
