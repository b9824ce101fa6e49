import { describe, expect, it } from '@jest/globals';
import { findBuiltInNetwork } from '../networks/built-in-networks';
import type { NetworkProfile } from '../networks/network-profile';
import { daoContractsFromProfile, parseDeployDaoOptions } from './deploy-dao-options';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const treasurers = ['--treasurers', `${A.toLowerCase()}, ${B}`, '--threshold', '2'];

describe('dao:deploy options', () => {
  it('takes the profile from --profile, else NETWORK_PROFILE, else DATA_DIR/network-profile.json', () => {
    const env = { NETWORK_PROFILE: '/shared/network-profile.json', DATA_DIR: '/data' };
    expect(parseDeployDaoOptions([...treasurers, '--profile', 'mine.json'], env).profileFile).toBe('mine.json');
    expect(parseDeployDaoOptions(treasurers, env).profileFile).toBe('/shared/network-profile.json');
    expect(parseDeployDaoOptions(treasurers, { DATA_DIR: '/data' }).profileFile).toBe('/data/network-profile.json');
    expect(parseDeployDaoOptions(treasurers, {}).profileFile).toBe('.data/network-profile.json');
  });

  it('takes the node from --rpc-url, else RPC_URL, else leaves it to the profile', () => {
    expect(parseDeployDaoOptions([...treasurers, '--rpc-url', 'http://a:1'], { RPC_URL: 'http://b:2' }).rpcUrl).toBe('http://a:1');
    expect(parseDeployDaoOptions(treasurers, { RPC_URL: 'http://b:2' }).rpcUrl).toBe('http://b:2');
    expect(parseDeployDaoOptions(treasurers, {}).rpcUrl).toBeUndefined();
  });

  it('checksums the treasurers and keeps the defaults of a new Safe', () => {
    expect(parseDeployDaoOptions(treasurers, {})).toMatchObject({
      safe: { kind: 'new', treasurers: [A, B], threshold: 2n },
      timelockDelay: 172_800n,
      accessMode: 0,
      minimumDeposit: '1',
      smallWithdrawalLimitBps: 1_000,
      unitScale: 10n ** 18n,
    });
    expect(parseDeployDaoOptions(['--safe', A], {}).safe).toEqual({ kind: 'existing', safe: A });
  });

  it.each<[string, string[], string]>([
    ['no treasurers', ['--threshold', '1'], '--treasurers is required (comma-separated addresses) unless --safe names an existing Safe'],
    ['a bad treasurer', ['--treasurers', `${A},0x12`, '--threshold', '1'], '--treasurers has "0x12", which is not an address'],
    ['a threshold above the treasurers', ['--treasurers', A, '--threshold', '2'], '--threshold must be a whole number up to 1 (got "2")'],
    ['a zero threshold', ['--treasurers', A, '--threshold', '0'], '--threshold must be between 1 and 1'],
    ['an unknown access mode', [...treasurers, '--access', 'secret'], '--access must be one of open, closed, hybrid (got "secret")'],
    ['a negative deposit', [...treasurers, '--min-deposit=-1'], '--min-deposit must be a decimal amount of the token (got "-1")'],
    ['a limit above 100%', [...treasurers, '--limit-bps', '10001'], '--limit-bps must be a whole number up to 10000 (got "10001")'],
    ['an unknown option', [...treasurers, '--treasurer', A], "Unknown option '--treasurer'"],
  ])('refuses %s, naming the option', (_label, args, message) => {
    expect(() => parseDeployDaoOptions(args, {})).toThrow(message);
  });
});

describe('the contracts a DAO is deployed against', () => {
  const builtIn = findBuiltInNetwork('base-sepolia')!;
  const development = {
    deployer: A,
    testToken: B,
    testSuperToken: B,
    testStrategy: B,
    communityVaultImplementation: A,
  } as const;
  const token = (symbol: string) => ({ symbol, address: A, decimals: 18, superToken: B }) as const;
  const profile: NetworkProfile = { ...builtIn, tokens: [token('TST'), token('USDC')], development };

  it('are the first token and the development vault implementation unless --token picks another', () => {
    expect(daoContractsFromProfile(profile, undefined)).toEqual({ token: token('TST'), vaultImplementation: A });
    expect(daoContractsFromProfile(profile, 'USDC').token.symbol).toBe('USDC');
  });

  it('take the implementation the profile names for Ayllu before the development one', () => {
    expect(daoContractsFromProfile({ ...profile, ayllu: { communityVaultImplementation: B } }, undefined).vaultImplementation).toBe(B);
  });

  it('are refused, saying why, without a vault implementation, a token, or the token asked for', () => {
    expect(() => daoContractsFromProfile({ ...profile, development: undefined }, undefined)).toThrow(
      /the base-sepolia profile names no CommunityVault implementation \(ayllu\.communityVaultImplementation\)/,
    );
    expect(() => daoContractsFromProfile({ ...profile, tokens: [] }, undefined)).toThrow(/lists no tokens: a DAO needs tokens\[0\]/);
    expect(() => daoContractsFromProfile(profile, 'DAI')).toThrow("--token DAI is not in the base-sepolia profile's tokens (TST, USDC)");
  });
});
