import path from 'node:path';
import { parseArgs } from 'node:util';
import { getAddress, isAddress, type Address } from 'viem';
import type { DaoSafeSpec } from '../deploy/deploy-dao';
import type { NetworkProfile, ProfileToken } from '../networks/network-profile';

/** A problem with what `npm run dao:deploy` was given: one line naming the option, printed without a stack. */
export class DeployDaoUsageError extends Error {
  override readonly name = 'DeployDaoUsageError';
}

const accessModes = { open: 0, closed: 1, hybrid: 2 } as const;

/** `npm run dao:deploy` options, checked; amounts stay decimal text until the token's decimals are known. */
export type DeployDaoOptions = {
  readonly profileFile: string;
  readonly rpcUrl?: string;
  readonly safe: DaoSafeSpec;
  readonly timelockDelay: bigint;
  readonly accessMode: number;
  readonly minimumDeposit: string;
  readonly smallWithdrawalLimitBps: number;
  readonly unitScale: bigint;
  readonly token?: string;
  /** CREATE2 salt of a new Safe; undefined: the deployer's next nonce, so that every run gets its own Safe. */
  readonly saltNonce?: bigint;
};

const fail = (option: string, problem: string): never => {
  throw new DeployDaoUsageError(`--${option} ${problem}`);
};

const address = (option: string, value: string): Address =>
  isAddress(value.trim(), { strict: false }) ? getAddress(value.trim()) : fail(option, `has "${value}", which is not an address`);

const whole = (option: string, value: string, max: bigint): bigint =>
  /^\d{1,78}$/.test(value) && BigInt(value) <= max ? BigInt(value) : fail(option, `must be a whole number up to ${max} (got "${value}")`);

/**
 * Reads the command line. The profile is `--profile`, else NETWORK_PROFILE, else `${DATA_DIR:-.data}/network-profile.json`
 * (what `npm run chain` writes); the node is `--rpc-url`, else RPC_URL, else the profile's first RPC URL.
 */
export function parseDeployDaoOptions(args: readonly string[], env: NodeJS.ProcessEnv): DeployDaoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        treasurers: { type: 'string' },
        threshold: { type: 'string' },
        safe: { type: 'string' },
        delay: { type: 'string', default: String(48 * 3600) },
        access: { type: 'string', default: 'open' },
        'min-deposit': { type: 'string', default: '1' },
        'limit-bps': { type: 'string', default: '1000' },
        'unit-scale': { type: 'string', default: String(10n ** 18n) },
        token: { type: 'string' },
        'salt-nonce': { type: 'string' },
        'rpc-url': { type: 'string' },
        profile: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new DeployDaoUsageError((error as Error).message);
  }
  const access = values.access;
  if (!(access in accessModes)) fail('access', `must be one of ${Object.keys(accessModes).join(', ')} (got "${access}")`);
  if (!/^\d+(\.\d+)?$/.test(values['min-deposit']))
    fail('min-deposit', `must be a decimal amount of the token (got "${values['min-deposit']}")`);
  let safe: DaoSafeSpec;
  if (values.safe) {
    safe = { kind: 'existing', safe: address('safe', values.safe) };
  } else {
    const treasurers = (values.treasurers ?? '')
      .split(',')
      .filter((t) => t.trim() !== '')
      .map((t) => address('treasurers', t));
    if (treasurers.length === 0) fail('treasurers', 'is required (comma-separated addresses) unless --safe names an existing Safe');
    const threshold = whole('threshold', values.threshold ?? '', BigInt(treasurers.length));
    if (threshold < 1n) fail('threshold', `must be between 1 and ${treasurers.length}`);
    safe = { kind: 'new', treasurers, threshold };
  }
  return {
    profileFile: values.profile ?? env.NETWORK_PROFILE ?? path.join(env.DATA_DIR ?? '.data', 'network-profile.json'),
    ...((values['rpc-url'] ?? env.RPC_URL) && { rpcUrl: values['rpc-url'] ?? env.RPC_URL }),
    safe,
    timelockDelay: whole('delay', values.delay, 10n ** 12n),
    accessMode: accessModes[access as keyof typeof accessModes],
    minimumDeposit: values['min-deposit'],
    smallWithdrawalLimitBps: Number(whole('limit-bps', values['limit-bps'], 10_000n)),
    unitScale: whole('unit-scale', values['unit-scale'], 2n ** 128n),
    ...(values.token && { token: values.token }),
    ...(values['salt-nonce'] !== undefined && { saltNonce: whole('salt-nonce', values['salt-nonce'], 2n ** 256n - 1n) }),
  };
}

/** What a DAO is deployed against, taken from the network profile: the token (first unless `--token`) and the vault implementation. */
export function daoContractsFromProfile(
  profile: NetworkProfile,
  token: string | undefined,
): { readonly token: ProfileToken; readonly vaultImplementation: Address } {
  const chosen = token ? profile.tokens.find((t) => t.symbol === token) : profile.tokens[0];
  if (!chosen) {
    const symbols = profile.tokens.map((t) => t.symbol).join(', ') || 'none';
    throw new DeployDaoUsageError(
      token
        ? `--token ${token} is not in the ${profile.name} profile's tokens (${symbols})`
        : `the ${profile.name} profile lists no tokens: a DAO needs tokens[0] (its asset and the Super Token that wraps it)`,
    );
  }
  const vaultImplementation = profile.ayllu?.communityVaultImplementation ?? profile.development?.communityVaultImplementation;
  if (!vaultImplementation)
    throw new DeployDaoUsageError(
      `the ${profile.name} profile names no CommunityVault implementation (ayllu.communityVaultImplementation): ` +
        'deploy one and name it there, or let the worker deploy DAOs (it uses the deterministic implementation)',
    );
  return { token: chosen, vaultImplementation };
}
