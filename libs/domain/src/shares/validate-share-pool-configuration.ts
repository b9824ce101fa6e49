import { normaliseAddress, type Address } from '../shared/address';
import { chainIntegerMessage, fitsChainInteger } from '../shared/chain-integer';
import { DomainError, type FieldError } from '../shared/domain-error';
import {
  DISTRIBUTION_TYPES,
  SHARE_POOL_DEFAULTS,
  SHARE_POOL_LIMITS,
  TOTAL_SHARES,
  VISIBILITIES,
  WAYS_TO_ACCESS,
  type AccessConditionSpec,
  type CrowdfundingTerms,
  type DistributionType,
  type SharePoolConfiguration,
  type SharePoolConfigurationInput,
  type StakingTerms,
  type Visibility,
  type WayToAccess,
} from './share-pool-configuration';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const TICKER = /^[A-Z0-9]+$/;
const APR = /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/;

type Fail = (field: string, message: string) => void;

const isoInstant = (value: unknown): value is string => typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An address in any case, checksummed; a mixed-case spelling with a wrong checksum is refused as a typo. */
const address = (fail: Fail, field: string, value: unknown, what = 'must be a 20-byte hex address'): Address => {
  const parsed = normaliseAddress(value);
  if (parsed === null) fail(field, `${what} (a mixed-case address must carry a valid EIP-55 checksum)`);
  return parsed as Address;
};

const amount = (fail: Fail, field: string, value: unknown, min: bigint): bigint => {
  if (typeof value !== 'bigint' || !fitsChainInteger(value, 'uint256', min)) fail(field, chainIntegerMessage('uint256', min));
  return value as bigint;
};

const crowdfundingTerms = (fail: Fail, value: unknown, expiration: unknown): CrowdfundingTerms => {
  if (!isRecord(value)) {
    fail('crowdfunding', 'must be { target, deadline } for a crowdfunding pool');
    return null as unknown as CrowdfundingTerms;
  }
  const target = amount(fail, 'crowdfunding.target', value.target, 1n);
  if (!isoInstant(value.deadline)) fail('crowdfunding.deadline', 'must be an ISO-8601 UTC instant');
  else if (isoInstant(expiration) && Date.parse(value.deadline) > Date.parse(expiration))
    fail('crowdfunding.deadline', 'must not be after the expiration');
  return { target, deadline: value.deadline as string };
};

const stakingTerms = (fail: Fail, value: unknown): StakingTerms => {
  if (!isRecord(value)) {
    fail('staking', 'must be { token, ratePerTokenSecond } for a staking pool');
    return null as unknown as StakingTerms;
  }
  return {
    token: address(fail, 'staking.token', value.token),
    ratePerTokenSecond: amount(fail, 'staking.ratePerTokenSecond', value.ratePerTokenSecond, 1n),
  };
};

const accessCondition = (fail: Fail, field: string, value: unknown): AccessConditionSpec => {
  if (!isRecord(value)) {
    fail(field, "must be { kind: 'allowlist', addresses } or { kind: 'minimumBalance', token, amount }");
    return value as AccessConditionSpec;
  }
  if (value.kind === 'allowlist') {
    const list = value.addresses;
    if (!Array.isArray(list) || list.length === 0 || list.length > SHARE_POOL_LIMITS.allowlist.max) {
      fail(`${field}.addresses`, `must list 1 to ${SHARE_POOL_LIMITS.allowlist.max} addresses`);
      return value as unknown as AccessConditionSpec;
    }
    const seen = new Set<string>();
    const addresses = list.map((a: unknown, i) => {
      const parsed = address(fail, `${field}.addresses[${i}]`, a);
      if (parsed !== null && seen.has(parsed)) fail(`${field}.addresses[${i}]`, 'is listed twice (addresses compare case-insensitively)');
      seen.add(parsed);
      return parsed;
    });
    return { kind: 'allowlist', addresses };
  }
  if (value.kind === 'minimumBalance')
    return {
      kind: 'minimumBalance',
      token: address(fail, `${field}.token`, value.token),
      amount: amount(fail, `${field}.amount`, value.amount, 1n),
    };
  fail(`${field}.kind`, "must be 'allowlist' or 'minimumBalance'");
  return value as unknown as AccessConditionSpec;
};

/**
 * Applies the defaults and checks every field of a share pool's configuration, collecting every problem so a
 * form is fixed in one round trip. Addresses come in any case and are stored checksummed. Throws
 * `SHARE_POOL.INVALID_CONFIGURATION` with one FieldError per offending field (nested fields as `crowdfunding.target`,
 * `accessConditions[0].addresses[2]`).
 */
export const validateSharePoolConfiguration = (input: SharePoolConfigurationInput): SharePoolConfiguration => {
  const errors: FieldError[] = [];
  const fail: Fail = (field, message) => errors.push({ field, message });
  const pick = <K extends keyof typeof SHARE_POOL_DEFAULTS>(key: K): unknown =>
    input[key] === undefined || input[key] === null ? SHARE_POOL_DEFAULTS[key] : input[key];
  const text = (field: 'name' | 'ticker' | 'description', value: unknown, min: number): string => {
    const max = SHARE_POOL_LIMITS[field].max;
    if (typeof value !== 'string' || value.trim().length < min || value.length > max)
      fail(field, min > 0 ? `must be 1 to ${max} characters` : `must be at most ${max} characters`);
    return typeof value === 'string' ? value.trim() : '';
  };
  const oneOf = <T extends string>(field: string, value: unknown, options: readonly T[]): T => {
    if (!options.includes(value as T)) fail(field, `must be one of ${options.join(', ')}`);
    return value as T;
  };

  if (typeof input.daoId !== 'string' || input.daoId.length === 0) fail('daoId', 'is required');
  const creator = address(fail, 'creator', input.creator, "must be the DAO's Safe, a 20-byte hex address");
  const name = text('name', input.name, 1);
  const ticker = text('ticker', input.ticker, 1);
  if (typeof input.ticker === 'string' && !TICKER.test(input.ticker)) fail('ticker', 'must be upper-case letters and digits');
  const description = text('description', pick('description'), 0);
  const maxParticipants = pick('maxParticipants');
  if (typeof maxParticipants !== 'number' || !Number.isSafeInteger(maxParticipants) || maxParticipants < 0)
    fail('maxParticipants', 'must be a whole number (0 = unlimited)');
  else if (maxParticipants > SHARE_POOL_LIMITS.maxParticipants.max)
    fail('maxParticipants', `must be at most ${SHARE_POOL_LIMITS.maxParticipants.max}`);
  const visibility = oneOf<Visibility>('visibility', pick('visibility'), VISIBILITIES);
  const wayToAccess = oneOf<WayToAccess>('wayToAccess', input.wayToAccess, WAYS_TO_ACCESS);
  const distributionType = oneOf<DistributionType>('distributionType', pick('distributionType'), DISTRIBUTION_TYPES);
  const estimatedApr = pick('estimatedApr');
  if (estimatedApr !== null && (typeof estimatedApr !== 'string' || !APR.test(estimatedApr) || Number(estimatedApr) > 1_000))
    fail('estimatedApr', 'must be a percentage from 0 to 1000 as a decimal string with at most 2 decimals, e.g. "12.5"');
  const distributionToken = address(
    fail,
    'distributionToken',
    input.distributionToken,
    'must be the super token distributions are paid in',
  );
  const rawPurchaseToken = pick('purchaseToken');
  const needsPurchaseToken = wayToAccess === 'buy' || wayToAccess === 'crowdfunding';
  let purchaseToken: Address | null = null;
  if (rawPurchaseToken !== null) purchaseToken = address(fail, 'purchaseToken', rawPurchaseToken);
  else if (needsPurchaseToken) fail('purchaseToken', `is required when the way to access is ${wayToAccess}`);
  const expiration = pick('expiration');
  if (expiration !== null && !isoInstant(expiration)) fail('expiration', 'must be an ISO-8601 UTC instant');
  const creatorShares = input.creatorShares;
  if (typeof creatorShares !== 'number' || !Number.isSafeInteger(creatorShares) || creatorShares < 0 || creatorShares >= TOTAL_SHARES)
    fail('creatorShares', `must be a whole number from 0 to ${TOTAL_SHARES - 1}: at least one share is left available`);
  const pricePerShare = pick('pricePerShare');
  if (wayToAccess === 'buy') amount(fail, 'pricePerShare', pricePerShare, 1n);
  else if (pricePerShare !== 0n) fail('pricePerShare', 'must be 0 (or left out) unless the way to access is buy');
  const transfersAllowed = pick('transfersAllowed');
  if (typeof transfersAllowed !== 'boolean') fail('transfersAllowed', 'must be true or false');

  const rawCrowdfunding = pick('crowdfunding');
  let crowdfunding: CrowdfundingTerms | null = null;
  if (wayToAccess === 'crowdfunding') crowdfunding = crowdfundingTerms(fail, rawCrowdfunding, expiration);
  else if (rawCrowdfunding !== null) fail('crowdfunding', 'must be left out unless the way to access is crowdfunding');
  const rawStaking = pick('staking');
  let staking: StakingTerms | null = null;
  if (wayToAccess === 'staking') staking = stakingTerms(fail, rawStaking);
  else if (rawStaking !== null) fail('staking', 'must be left out unless the way to access is staking');

  const rawConditions = pick('accessConditions');
  let accessConditions: AccessConditionSpec[] = [];
  if (!Array.isArray(rawConditions) || rawConditions.length > SHARE_POOL_LIMITS.accessConditions.max)
    fail('accessConditions', `must be a list of at most ${SHARE_POOL_LIMITS.accessConditions.max} conditions`);
  else accessConditions = rawConditions.map((c: unknown, i) => accessCondition(fail, `accessConditions[${i}]`, c));

  if (errors.length > 0)
    throw new DomainError('SHARE_POOL.INVALID_CONFIGURATION', 'The share pool configuration is invalid', 'invalid', errors);
  return {
    daoId: input.daoId as string,
    creator,
    name,
    ticker,
    description,
    maxParticipants: maxParticipants as number,
    visibility,
    wayToAccess,
    distributionType,
    estimatedApr: estimatedApr as string | null,
    distributionToken,
    purchaseToken,
    expiration: expiration as string | null,
    creatorShares: creatorShares as number,
    pricePerShare: pricePerShare as bigint,
    transfersAllowed: transfersAllowed as boolean,
    crowdfunding,
    staking,
    accessConditions,
  };
};
