import { isAbsolute, resolve } from 'node:path';

export type Environment = 'development' | 'test' | 'production';

export interface AppConfig {
  readonly env: Environment;
  readonly port: number;
  readonly host: string;
  /** Null means: start the embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl: string | null;
  readonly embeddedPostgresPort: number;
  /** Null in development means: generate one under `dataDir` and print it once. */
  readonly adminApiKey: string | null;
  readonly dataDir: string;
  readonly rpcUrl: string | null;
  /** EIP-712 signatures of member writes are bound to this chain (CHAIN_ID, default 31337, the local chain). */
  readonly chainId: number;
  /** Key the worker's relayer sends execution transactions with (RELAYER_PRIVATE_KEY); Hardhat account #0 outside production. */
  readonly relayerPrivateKey: `0x${string}` | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Payout claims the worker's relayer sends for members who have not connected to the pool. */
  readonly claims: {
    /** CLAIM_MIN_AMOUNT: below this claimable amount (smallest unit) a claim is refused; default 10^16 (0.01 of an 18-decimal token). */
    readonly minimumAmount: bigint;
    /** CLAIM_COOLDOWN_SECONDS: one accepted claim per member per this many seconds; default 3600. */
    readonly cooldownSeconds: number;
  };
  /**
   * Requests per client address and window on the API (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_SECONDS); max 0
   * turns the limit off. Default 300 per 60 s; off by default under NODE_ENV=test, where suites set it.
   */
  readonly rateLimit: { readonly max: number; readonly windowSeconds: number };
  /** JOIN_REQUEST_TTL_SECONDS: a join request nobody acted on lapses after this long; default 14 days. */
  readonly joinRequestTtlSeconds: number;
  /** PAYOUT_CACHE_REFRESH_SECONDS: how often the worker re-reads members' payouts from the chain; default 15. */
  readonly payoutCacheRefreshSeconds: number;
  /** Sign-In with Ethereum: the domain (RFC 3986 authority) admin wallets sign in to (SIWE_DOMAIN) and its URI (SIWE_URI). */
  readonly siwe: { readonly domain: string; readonly uri: string };
  /**
   * PUBLIC_URL: where people reach the web app (served by the API), linked from every notification. An absolute
   * http(s) URL, optionally with a path prefix, without query, fragment or credentials; kept without a trailing
   * slash. Default `http://HOST:PORT` (a wildcard HOST such as 0.0.0.0 reads as localhost).
   */
  readonly publicUrl: string;
  /** Failed admin authentications a client IP may make per minute before it is answered 429 (ADMIN_AUTH_MAX_FAILURES). */
  readonly adminAuthMaxFailures: number;
  /** WORKER_OPERATIONS_PORT: where the worker answers /health and /metrics; default 9464 (off, 0, under NODE_ENV=test). */
  readonly workerOperationsPort: number;
  /** RELAYER_MIN_BALANCE: below this native balance (wei) the worker's /health is degraded; default 10^16 (0.01). */
  readonly relayerMinBalance: bigint;
  /**
   * How the relayer pays for gas. Fee caps are read as decimal gwei and kept in wei; null means no cap:
   * RELAYER_MAX_FEE_GWEI caps maxFeePerGas (gasPrice on a legacy chain): above it nothing is sent until fees fall;
   * RELAYER_MAX_PRIORITY_FEE_GWEI caps the tip. RELAYER_STUCK_SECONDS (default 180): a transaction not mined this
   * long after it was sent is replaced at bumped fees.
   */
  readonly relayer: { readonly maxFeePerGas: bigint | null; readonly maxPriorityFeePerGas: bigint | null; readonly stuckSeconds: number };
}

/** A configuration problem, naming the variable, so the process can stop with one clear line. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENVIRONMENTS = ['development', 'test', 'production'] as const;

const oneOf = <T extends string>(variable: string, value: string, allowed: readonly T[]): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(variable, `must be one of ${allowed.join(', ')} (got "${value}")`);
};

const portFrom = (variable: string, value: string): number => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(variable, `must be a port number between 1 and 65535 (got "${value}")`);
  }
  return port;
};

const chainIdFrom = (value: string): number => {
  const chainId = Number(value);
  if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(chainId)) {
    throw new ConfigError('CHAIN_ID', `must be a positive integer (got "${value}")`);
  }
  return chainId;
};

// Hardhat's well-known account #0: a development default only, never accepted in production.
const HARDHAT_ACCOUNT_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

const relayerKeyFrom = (value: string | undefined, nodeEnv: Environment): `0x${string}` | null => {
  const key = value?.trim();
  if (!key) return nodeEnv === 'production' ? null : HARDHAT_ACCOUNT_0;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new ConfigError('RELAYER_PRIVATE_KEY', 'must be 0x followed by 64 hex digits');
  return key as `0x${string}`;
};

const integerFrom = (variable: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  const text = value?.trim();
  if (!text) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new ConfigError(variable, `must be an integer from ${min} to ${max} (got "${text}")`);
  return n;
};

const amountFrom = (variable: string, value: string | undefined, fallback: bigint): bigint => {
  const text = value?.trim();
  if (!text) return fallback;
  if (!/^\d{1,78}$/.test(text) || BigInt(text) >= 2n ** 256n)
    throw new ConfigError(variable, `must be a whole number of the token's smallest unit below 2^256 (got "${text}")`);
  return BigInt(text);
};

const DAY_SECONDS = 24 * 3600;

/** Decimal gwei (up to 9 decimals) as wei; undefined or blank is no cap. */
const gweiFrom = (variable: string, value: string | undefined): bigint | null => {
  const text = value?.trim();
  if (!text) return null;
  const match = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(text);
  if (!match) throw new ConfigError(variable, `must be an amount of gwei with at most 9 decimals, e.g. 50 or 1.5 (got "${text}")`);
  const wei = BigInt(match[1]) * 10n ** 9n + BigInt((match[2] ?? '').padEnd(9, '0'));
  if (wei === 0n) throw new ConfigError(variable, 'must be above 0 (leave it unset for no cap)');
  return wei;
};

const urlFrom = (variable: string, value: string, protocols: readonly string[]): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, 'must be a URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must use ${protocols.join(' or ')} (got "${url.protocol}")`);
  }
  return value;
};

const AUTHORITY = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

const siweFrom = (env: NodeJS.ProcessEnv, host: string, port: number): AppConfig['siwe'] => {
  const domain = env.SIWE_DOMAIN?.trim() || `${host}:${port}`;
  if (!AUTHORITY.test(domain)) throw new ConfigError('SIWE_DOMAIN', `must be a host name with an optional port (got "${domain}")`);
  const uri = env.SIWE_URI?.trim() ? urlFrom('SIWE_URI', env.SIWE_URI.trim(), ['http:', 'https:']) : `http://${domain}`;
  return { domain, uri };
};

/** The longest PUBLIC_URL: with the app's paths added, a link stays far below what chat services and browsers take. */
const PUBLIC_URL_MAX_LENGTH = 1000;

/** `HOST` as a URL's host: a wildcard address (listen everywhere) is reached at localhost; IPv6 goes in brackets. */
const reachableHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
};

const publicUrlFrom = (value: string | undefined, host: string, port: number): string => {
  const given = value?.trim();
  const text = given || `http://${reachableHost(host)}:${port}`;
  const problem = (what: string) =>
    new ConfigError('PUBLIC_URL', given ? what : `${what}: its default http://HOST:PORT gives "${text}"; set PUBLIC_URL`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('must be an absolute http(s) URL such as https://ayllu.example.org');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem(`must use http: or https: (got "${url.protocol}")`);
  // A bare "?" or "#" leaves search and hash empty: the text tells.
  if (text.includes('?') || text.includes('#')) throw problem('must have no query (?) or fragment (#): app paths are added to it');
  if (url.username || url.password) throw problem('must not carry credentials');
  if (text.length > PUBLIC_URL_MAX_LENGTH) throw problem(`must be at most ${PUBLIC_URL_MAX_LENGTH} characters long`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

const positiveIntegerFrom = (variable: string, value: string): number => {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new ConfigError(variable, `must be a positive integer (got "${value}")`);
  return Number(value);
};

/** Reads and checks the environment once, at boot. Values are never echoed back when they may be secret. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig => {
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV ?? 'development', ENVIRONMENTS);
  const adminApiKey = env.ADMIN_API_KEY?.trim() || null;
  if (adminApiKey !== null && adminApiKey.length < 24) {
    throw new ConfigError('ADMIN_API_KEY', 'must be at least 24 characters long');
  }
  if (adminApiKey === null && nodeEnv === 'production') {
    throw new ConfigError('ADMIN_API_KEY', 'is required when NODE_ENV=production');
  }
  const dataDir = env.DATA_DIR?.trim() || './.data';
  const port = portFrom('PORT', env.PORT ?? '3000');
  const host = env.HOST?.trim() || '127.0.0.1';
  return {
    env: nodeEnv,
    port,
    host,
    databaseUrl: env.DATABASE_URL ? urlFrom('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']) : null,
    embeddedPostgresPort: portFrom('EMBEDDED_POSTGRES_PORT', env.EMBEDDED_POSTGRES_PORT ?? '54329'),
    adminApiKey,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    rpcUrl: env.RPC_URL ? urlFrom('RPC_URL', env.RPC_URL, ['http:', 'https:']) : null,
    chainId: chainIdFrom(env.CHAIN_ID?.trim() || '31337'),
    relayerPrivateKey: relayerKeyFrom(env.RELAYER_PRIVATE_KEY, nodeEnv),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'), LOG_LEVELS),
    claims: {
      minimumAmount: amountFrom('CLAIM_MIN_AMOUNT', env.CLAIM_MIN_AMOUNT, 10n ** 16n),
      cooldownSeconds: integerFrom('CLAIM_COOLDOWN_SECONDS', env.CLAIM_COOLDOWN_SECONDS, 3600, 0, 365 * DAY_SECONDS),
    },
    rateLimit: {
      max: integerFrom('RATE_LIMIT_MAX', env.RATE_LIMIT_MAX, nodeEnv === 'test' ? 0 : 300, 0, 1_000_000_000),
      windowSeconds: integerFrom('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, 60, 1, DAY_SECONDS),
    },
    joinRequestTtlSeconds: integerFrom('JOIN_REQUEST_TTL_SECONDS', env.JOIN_REQUEST_TTL_SECONDS, 14 * DAY_SECONDS, 60, 365 * DAY_SECONDS),
    payoutCacheRefreshSeconds: integerFrom('PAYOUT_CACHE_REFRESH_SECONDS', env.PAYOUT_CACHE_REFRESH_SECONDS, 15, 1, DAY_SECONDS),
    siwe: siweFrom(env, host, port),
    publicUrl: publicUrlFrom(env.PUBLIC_URL, host, port),
    adminAuthMaxFailures: positiveIntegerFrom('ADMIN_AUTH_MAX_FAILURES', env.ADMIN_AUTH_MAX_FAILURES?.trim() || '10'),
    workerOperationsPort: integerFrom('WORKER_OPERATIONS_PORT', env.WORKER_OPERATIONS_PORT, nodeEnv === 'test' ? 0 : 9464, 0, 65535),
    relayerMinBalance: amountFrom('RELAYER_MIN_BALANCE', env.RELAYER_MIN_BALANCE, 10n ** 16n),
    relayer: {
      maxFeePerGas: gweiFrom('RELAYER_MAX_FEE_GWEI', env.RELAYER_MAX_FEE_GWEI),
      maxPriorityFeePerGas: gweiFrom('RELAYER_MAX_PRIORITY_FEE_GWEI', env.RELAYER_MAX_PRIORITY_FEE_GWEI),
      stuckSeconds: integerFrom('RELAYER_STUCK_SECONDS', env.RELAYER_STUCK_SECONDS, 180, 1, DAY_SECONDS),
    },
  };
};
