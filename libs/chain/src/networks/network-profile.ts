import { getAddress, isAddress, type Address } from 'viem';

/** The Safe 1.4.1 contracts Ayllu uses on a chain. */
export interface SafeContracts {
  /** SafeL2: it emits SafeMultiSigTransaction, which the indexer reads. */
  readonly singleton: Address;
  readonly proxyFactory: Address;
  readonly multiSend: Address;
  readonly multiSendCallOnly: Address;
  /** CompatibilityFallbackHandler (EIP-1271 for Safes that sign as treasurers). */
  readonly fallbackHandler: Address;
  readonly signMessageLib: Address;
}

/** The Superfluid framework contracts Ayllu uses on a chain. */
export interface SuperfluidContracts {
  readonly host: Address;
  /** The General Distribution Agreement itself (its pools are read through it). */
  readonly gda: Address;
  readonly gdaForwarder: Address;
  readonly cfaForwarder: Address;
  readonly superTokenFactory: Address;
  readonly resolver: Address;
}

/** A token a DAO may hold, with the Super Token that wraps it for streaming payouts. */
export interface ProfileToken {
  readonly symbol: string;
  readonly address: Address;
  readonly superToken: Address;
}

/** Contracts only a development chain has (a mintable token, a test strategy, the vault implementation). */
export interface DevelopmentContracts {
  readonly deployer: Address;
  readonly testToken: Address;
  readonly testSuperToken: Address;
  readonly testStrategy: Address;
  readonly communityVaultImplementation: Address;
}

/** Ayllu's own contracts shared by every DAO on a chain: each DAO's vault proxy points at this implementation. */
export interface AylluContracts {
  readonly communityVaultImplementation: Address;
}

/**
 * Everything Ayllu needs to know about a chain. Built-in profiles are derived from
 * `@safe-global/safe-deployments` and `@superfluid-finance/metadata`; any other chain is described by a
 * profile file of this shape (`NETWORK_PROFILE=./my-chain.json`). The development chain writes one too.
 */
export interface NetworkProfile {
  /** A short name used to select it (`CHAIN=base-sepolia`). */
  readonly name: string;
  readonly chainId: number;
  readonly displayName: string;
  readonly testnet: boolean;
  /** Public RPC endpoints, for reference; the platform uses RPC_URL. */
  readonly rpcUrls: readonly string[];
  /** Blocks a log must be buried under before the indexer records it. */
  readonly confirmations: number;
  readonly explorer?: string;
  readonly safe: SafeContracts;
  readonly superfluid: SuperfluidContracts;
  readonly tokens: readonly ProfileToken[];
  readonly ayllu?: AylluContracts;
  readonly development?: DevelopmentContracts;
}

export class NetworkProfileError extends Error {
  override readonly name = 'NetworkProfileError';
}

type Json = Record<string, unknown>;

const SAFE_FIELDS = ['singleton', 'proxyFactory', 'multiSend', 'multiSendCallOnly', 'fallbackHandler', 'signMessageLib'] as const;
const SUPERFLUID_FIELDS = ['host', 'gda', 'gdaForwarder', 'cfaForwarder', 'superTokenFactory', 'resolver'] as const;
const AYLLU_FIELDS = ['communityVaultImplementation'] as const;
const DEVELOPMENT_FIELDS = ['deployer', 'testToken', 'testSuperToken', 'testStrategy', 'communityVaultImplementation'] as const;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a profile from parsed JSON, naming the first field that is missing or wrong (`safe.multiSend is not an
 * address`). Addresses come back checksummed.
 */
export function parseNetworkProfile(value: unknown, source = 'the network profile'): NetworkProfile {
  const fail = (field: string, problem: string): never => {
    throw new NetworkProfileError(`${source}: ${field} ${problem}`);
  };
  if (!isObject(value)) return fail('(the whole file)', 'is not a JSON object');
  const text = (field: string, optional = false): string | undefined => {
    const v = value[field];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return fail(field, 'is missing or not a string');
    return v;
  };
  const addresses = <K extends string>(group: string, fields: readonly K[]): Record<K, Address> => {
    const section = value[group];
    if (!isObject(section)) return fail(group, 'is missing or not an object');
    return Object.fromEntries(
      fields.map((field) => {
        const v = section[field];
        if (typeof v !== 'string' || !isAddress(v, { strict: false })) return fail(`${group}.${field}`, 'is missing or not an address');
        return [field, getAddress(v)];
      }),
    ) as Record<K, Address>;
  };
  const chainId = value.chainId;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) fail('chainId', 'is not a positive integer');
  const confirmations = value.confirmations ?? 0;
  if (typeof confirmations !== 'number' || !Number.isSafeInteger(confirmations) || confirmations < 0 || confirmations > 1000)
    fail('confirmations', 'is not an integer from 0 to 1000');
  const rpcUrls = value.rpcUrls ?? [];
  if (!Array.isArray(rpcUrls) || rpcUrls.some((u) => typeof u !== 'string')) fail('rpcUrls', 'is not a list of URLs');
  const tokensValue = value.tokens ?? [];
  if (!Array.isArray(tokensValue)) fail('tokens', 'is not a list');
  const tokens = (tokensValue as unknown[]).map((token, i): ProfileToken => {
    if (!isObject(token) || typeof token.symbol !== 'string') return fail(`tokens[${i}].symbol`, 'is missing');
    for (const field of ['address', 'superToken'] as const)
      if (typeof token[field] !== 'string' || !isAddress(token[field], { strict: false }))
        fail(`tokens[${i}].${field}`, 'is missing or not an address');
    return { symbol: token.symbol, address: getAddress(token.address as string), superToken: getAddress(token.superToken as string) };
  });
  const name = text('name')!;
  return {
    name,
    chainId: chainId as number,
    displayName: text('displayName', true) ?? name,
    testnet: value.testnet === true,
    rpcUrls: rpcUrls as string[],
    confirmations: confirmations as number,
    ...(typeof value.explorer === 'string' && { explorer: value.explorer }),
    safe: addresses('safe', SAFE_FIELDS),
    superfluid: addresses('superfluid', SUPERFLUID_FIELDS),
    tokens,
    ...(value.ayllu !== undefined && { ayllu: addresses('ayllu', AYLLU_FIELDS) }),
    ...(value.development !== undefined && { development: addresses('development', DEVELOPMENT_FIELDS) }),
  };
}

/** Every contract address a profile names, labelled as in the profile (`safe.singleton`), for start-up checks. */
export const profileContracts = (profile: NetworkProfile): { readonly label: string; readonly address: Address }[] => [
  ...SAFE_FIELDS.map((f) => ({ label: `safe.${f}`, address: profile.safe[f] })),
  ...SUPERFLUID_FIELDS.map((f) => ({ label: `superfluid.${f}`, address: profile.superfluid[f] })),
  ...profile.tokens.flatMap((t, i) => [
    { label: `tokens[${i}].address (${t.symbol})`, address: t.address },
    { label: `tokens[${i}].superToken (${t.symbol})`, address: t.superToken },
  ]),
  ...(profile.ayllu ? AYLLU_FIELDS.map((f) => ({ label: `ayllu.${f}`, address: profile.ayllu![f] })) : []),
  ...(profile.development
    ? DEVELOPMENT_FIELDS.filter((f) => f !== 'deployer').map((f) => ({ label: `development.${f}`, address: profile.development![f] }))
    : []),
];
