import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBuiltInNetwork } from './built-in-networks';
import { resolveNetwork } from './resolve-network';

const dirs: string[] = [];
const dataDir = (profile?: object) => {
  const dir = mkdtempSync(join(tmpdir(), 'ayllu-network-'));
  dirs.push(dir);
  if (profile) writeFileSync(join(dir, 'network-profile.json'), JSON.stringify(profile));
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = findBuiltInNetwork('base-sepolia')!;
const development = { ...base, name: 'development', chainId: 31337, rpcUrls: ['http://127.0.0.1:8545'] };

describe('choosing the network', () => {
  it('takes CHAIN with RPC_URL', () => {
    const network = resolveNetwork({ CHAIN: 'base-sepolia' }, { dataDir: dataDir(), rpcUrl: 'https://rpc.example', env: 'production' });
    expect(network).toMatchObject({ rpcUrl: 'https://rpc.example', source: 'CHAIN=base-sepolia' });
    expect(network?.profile.chainId).toBe(84532);
  });

  it('falls back to the profile’s first public endpoint without RPC_URL', () => {
    const network = resolveNetwork({ CHAIN: 'base-sepolia' }, { dataDir: dataDir(), rpcUrl: null, env: 'production' });
    expect(network?.rpcUrl).toBe(base.rpcUrls[0]);
  });

  it('prefers NETWORK_PROFILE over CHAIN and over the development file', () => {
    const dir = dataDir(development);
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ ...base, name: 'mine' }));
    const network = resolveNetwork(
      { NETWORK_PROFILE: file, CHAIN: 'ethereum' },
      { dataDir: dir, rpcUrl: 'http://node', env: 'production' },
    );
    expect(network?.profile.name).toBe('mine');
    expect(network?.source).toBe(`NETWORK_PROFILE=${file}`);
  });

  it('uses the profile the development chain left under DATA_DIR', () => {
    const dir = dataDir(development);
    const network = resolveNetwork({}, { dataDir: dir, rpcUrl: null, env: 'development' });
    expect(network).toMatchObject({ rpcUrl: 'http://127.0.0.1:8545', source: join(dir, 'network-profile.json') });
  });

  it('ignores a leftover development profile under NODE_ENV=test unless RPC_URL names a chain', () => {
    const dir = dataDir(development);
    expect(resolveNetwork({}, { dataDir: dir, rpcUrl: null, env: 'test' })).toBeNull();
    expect(resolveNetwork({}, { dataDir: dir, rpcUrl: 'http://127.0.0.1:9999', env: 'test' })?.rpcUrl).toBe('http://127.0.0.1:9999');
  });

  it('is none when nothing names a network', () => {
    expect(resolveNetwork({}, { dataDir: dataDir(), rpcUrl: 'http://node', env: 'production' })).toBeNull();
  });

  it('refuses a CHAIN_ID that contradicts the profile, in one line', () => {
    expect(() =>
      resolveNetwork({ CHAIN: 'base-sepolia', CHAIN_ID: '1' }, { dataDir: dataDir(), rpcUrl: 'http://n', env: 'production' }),
    ).toThrow('CHAIN_ID=1 contradicts the network profile base-sepolia (chain 84532); unset CHAIN_ID');
  });

  it('refuses a profile without any RPC endpoint when RPC_URL is unset', () => {
    const dir = dataDir({ ...development, rpcUrls: [] });
    expect(() => resolveNetwork({}, { dataDir: dir, rpcUrl: null, env: 'development' })).toThrow(
      'development: set RPC_URL (the profile names no RPC endpoint)',
    );
  });
});
