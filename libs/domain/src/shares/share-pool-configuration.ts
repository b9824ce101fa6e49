import type { Address } from '../shared/address';

/** Every share pool has exactly this many shares; one share is one basis point of the pool (seed 001). */
export const TOTAL_SHARES = 10_000;

/** The seed's access types, by full name: `p`, `rtj`, crowdfunding, `stk`, `qr`. */
export const WAYS_TO_ACCESS = ['buy', 'request', 'crowdfunding', 'staking', 'codes'] as const;
export type WayToAccess = (typeof WAYS_TO_ACCESS)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The seed's trust models: `tr`, `bt`, `dam`. */
export const DISTRIBUTION_TYPES = ['trusted', 'business', 'dam'] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

/**
 * Staking rates are fixed-point: `ratePerTokenSecond` is shares earned per token-wei staked per second, × 10^36
 * (the contract's RATE_SCALE). One share a day per whole token of 18 decimals is 10^36 / (10^18 × 86,400) =
 * 11,574,074,074,074 (floor); 10^36 leaves room for rates far below that, where 10^18 would round them to 0.
 */
export const STAKE_RATE_SCALE = 10n ** 36n;

/**
 * The contract allocates a crowdfunding in one transaction, so it takes at most this many contributors: 50 finalize
 * in about 12M gas, 100 would need 24M, above a transaction's cap of 2^24 (EIP-7825). Same bound as SharePool.sol.
 */
export const MAX_CONTRIBUTORS = 50;

/**
 * One access condition, as plain data in the configuration; `accessConditionOf` (access-conditions.ts) makes the
 * checker. A Gitcoin Passport score condition would be a third kind with its own checker.
 */
export type AccessConditionSpec =
  | { readonly kind: 'allowlist'; readonly addresses: readonly Address[] }
  | { readonly kind: 'minimumBalance'; readonly token: Address; readonly amount: bigint };

export interface CrowdfundingTerms {
  /** In the purchase token's smallest unit: reached when the escrowed contributions are at least this. */
  readonly target: bigint;
  /** ISO-8601: contributions are taken before it; after it, the crowdfunding is finalized either way. */
  readonly deadline: string;
}

export interface StakingTerms {
  /** The ERC-20 staked for shares. */
  readonly token: Address;
  /** Shares × 10^36 per token-wei per second (STAKE_RATE_SCALE). */
  readonly ratePerTokenSecond: bigint;
}

/** A share pool's metadata (the seed's table, full names) and terms, defaults applied; frozen for its life. */
export interface SharePoolConfiguration {
  readonly daoId: string;
  /** The DAO's Safe: the creator's powers (approve, assign, codes, distributions, deletion) are the Safe's. */
  readonly creator: Address;
  readonly name: string;
  readonly ticker: string;
  readonly description: string;
  /**
   * Most shareholders, the creator included when they hold shares (as the contract counts `holders()`); 0 = unlimited.
   * The log also counts those with shares on the way, contributors of an open crowdfunding and stakers, so the
   * chain never refuses a way in the log accepted.
   */
  readonly maxParticipants: number;
  readonly visibility: Visibility;
  readonly wayToAccess: WayToAccess;
  readonly distributionType: DistributionType;
  /** Projected annual return in percent as a decimal string (`12.5`), display only; null when not given. */
  readonly estimatedApr: string | null;
  /** The Superfluid super token distributions are paid in. */
  readonly distributionToken: Address;
  /** The ERC-20 shares are bought or crowdfunded with; null when no way in needs one. */
  readonly purchaseToken: Address | null;
  /** ISO-8601: from then on, the pool takes no one new; null = never. */
  readonly expiration: string | null;
  /** Shares the creator holds from the start (0..9,999): the rest is available. */
  readonly creatorShares: number;
  /** Purchase-token wei per share; 0 unless the pool sells shares. */
  readonly pricePerShare: bigint;
  /** Whether holders may transfer shares to each other. */
  readonly transfersAllowed: boolean;
  readonly crowdfunding: CrowdfundingTerms | null;
  readonly staking: StakingTerms | null;
  readonly accessConditions: readonly AccessConditionSpec[];
}

export type SharePoolConfigurationInput = {
  readonly [K in keyof SharePoolConfiguration]?: unknown;
};

export const SHARE_POOL_LIMITS = {
  name: { max: 80 },
  ticker: { max: 11 },
  description: { max: 2_000 },
  maxParticipants: { max: TOTAL_SHARES },
  estimatedApr: { max: 1_000 },
  accessConditions: { max: 5 },
  allowlist: { max: 1_000 },
} as const;

export const SHARE_POOL_DEFAULTS = {
  description: '',
  maxParticipants: 0,
  visibility: 'public' as Visibility,
  distributionType: 'trusted' as DistributionType,
  estimatedApr: null,
  purchaseToken: null,
  expiration: null,
  pricePerShare: 0n,
  transfersAllowed: false,
  crowdfunding: null,
  staking: null,
  accessConditions: [] as readonly AccessConditionSpec[],
} as const;
