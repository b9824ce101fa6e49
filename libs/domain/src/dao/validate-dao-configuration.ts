import { isChecksumAddress, type Address } from '../shared/address';
import { chainIntegerMessage, fitsChainInteger } from '../shared/chain-integer';
import { DomainError, type FieldError } from '../shared/domain-error';
import {
  DAO_DEFAULTS,
  DAO_LIMITS,
  PROPOSAL_TYPES,
  type DaoConfiguration,
  type DaoConfigurationInput,
  type ProposalType,
} from './dao-configuration';

export interface ValidatedDaoConfiguration {
  readonly configuration: DaoConfiguration;
  readonly founders: readonly Address[];
}

/**
 * Applies the defaults and checks every field, collecting all errors so a client can fix a form in one
 * round trip. Throws `DAO.INVALID_CONFIGURATION` (kind 'invalid') with one FieldError per problem.
 * The same validator guards CHANGE_PARAMETERS, so a vote can never produce a configuration creation refuses.
 */
export const validateDaoConfiguration = (input: DaoConfigurationInput): ValidatedDaoConfiguration => {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const pick = <K extends keyof typeof DAO_DEFAULTS>(key: K) => (input[key] === undefined ? DAO_DEFAULTS[key] : input[key]) as unknown;

  const integer = (field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, 'must be an integer');
    else if (value < min || value > max) fail(field, `must be between ${min} and ${max}`);
    return value as number;
  };
  const boolean = (field: string, value: unknown): boolean => {
    if (typeof value !== 'boolean') fail(field, 'must be true or false');
    return value as boolean;
  };
  const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
    if (!allowed.includes(value as T)) fail(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  };
  const addresses = (field: string, value: unknown, max: number): Address[] => {
    if (!Array.isArray(value)) {
      fail(field, 'must be a list of addresses');
      return [];
    }
    if (value.length > max) fail(field, `must hold at most ${max} addresses`);
    const seen = new Set<Address>();
    value.forEach((address: unknown, i) => {
      if (!isChecksumAddress(address)) fail(`${field}[${i}]`, 'must be an EIP-55 checksummed address');
      else if (seen.has(address)) fail(`${field}[${i}]`, 'is listed twice');
      else seen.add(address);
    });
    return [...seen];
  };

  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (typeof input.name !== 'string' || name.length === 0) fail('name', 'is required');
  else if (name.length > DAO_LIMITS.nameMaxLength) fail('name', `must be at most ${DAO_LIMITS.nameMaxLength} characters`);

  const description = pick('description');
  if (typeof description !== 'string') fail('description', 'must be text');
  else if (description.length > DAO_LIMITS.descriptionMaxLength)
    fail('description', `must be at most ${DAO_LIMITS.descriptionMaxLength} characters`);

  const minimumDeposit = pick('minimumDeposit');
  if (typeof minimumDeposit !== 'bigint' || !fitsChainInteger(minimumDeposit, 'uint256'))
    fail('minimumDeposit', chainIntegerMessage('uint256'));

  const maxMembers = integer('maxMembers', pick('maxMembers'), DAO_LIMITS.maxMembers.min, DAO_LIMITS.maxMembers.max);
  const treasurersGiven = pick('treasurers');
  const treasurers = addresses('treasurers', treasurersGiven, DAO_LIMITS.maxTreasurers);
  // Judged against the list as given, so its errors read the same whether or not an address in it was valid.
  const treasurerCount = Array.isArray(treasurersGiven) ? treasurersGiven.length : 0;
  const treasurerThreshold = resolveTreasurerThreshold(input.treasurerThreshold, treasurerCount, fail);

  const founders = addresses('founders', input.founders ?? [], Number.isSafeInteger(maxMembers) ? maxMembers : DAO_LIMITS.maxMembers.max);

  const optionalAddress = (field: 'feeCollector' | 'asset' | 'safe') => {
    const value = input[field];
    if (value === undefined) return {};
    if (!isChecksumAddress(value)) {
      fail(field, 'must be an EIP-55 checksummed address');
      return {};
    }
    return { [field]: value };
  };

  const configuration: DaoConfiguration = {
    name,
    description: description as string,
    access: oneOf('access', pick('access'), ['open', 'closed', 'hybrid']),
    votingType: oneOf('votingType', pick('votingType'), ['democratic', 'weighted']),
    quorumBps: integer('quorumBps', pick('quorumBps'), DAO_LIMITS.bps.min, DAO_LIMITS.bps.max),
    votingPeriodSeconds: integer(
      'votingPeriodSeconds',
      pick('votingPeriodSeconds'),
      DAO_LIMITS.votingPeriodSeconds.min,
      DAO_LIMITS.votingPeriodSeconds.max,
    ),
    earlyClose: boolean('earlyClose', pick('earlyClose')),
    allowVoteChange: boolean('allowVoteChange', pick('allowVoteChange')),
    minimumDeposit: minimumDeposit as bigint,
    maxMembers,
    maxActiveProposals: integer(
      'maxActiveProposals',
      pick('maxActiveProposals'),
      DAO_LIMITS.maxActiveProposals.min,
      DAO_LIMITS.maxActiveProposals.max,
    ),
    smallWithdrawalLimitBps: integer(
      'smallWithdrawalLimitBps',
      pick('smallWithdrawalLimitBps'),
      DAO_LIMITS.smallWithdrawalLimitBps.min,
      DAO_LIMITS.smallWithdrawalLimitBps.max,
    ),
    emergencyExitWaitSeconds: integer(
      'emergencyExitWaitSeconds',
      pick('emergencyExitWaitSeconds'),
      DAO_LIMITS.emergencyExitWaitSeconds.min,
      DAO_LIMITS.emergencyExitWaitSeconds.max,
    ),
    platformFeeBps: integer('platformFeeBps', pick('platformFeeBps'), DAO_LIMITS.platformFeeBps.min, DAO_LIMITS.platformFeeBps.max),
    yieldMode: oneOf('yieldMode', pick('yieldMode'), ['compound', 'distribute', 'treasury']),
    timelockDelaySeconds: integer(
      'timelockDelaySeconds',
      pick('timelockDelaySeconds'),
      DAO_LIMITS.timelockDelaySeconds.min,
      DAO_LIMITS.timelockDelaySeconds.max,
    ),
    executionWindowSeconds: integer(
      'executionWindowSeconds',
      pick('executionWindowSeconds'),
      DAO_LIMITS.executionWindowSeconds.min,
      DAO_LIMITS.executionWindowSeconds.max,
    ),
    approvalThresholdBps: resolveThresholds(input.approvalThresholdBps, integer, fail),
    treasurers,
    treasurerThreshold,
    ...optionalAddress('feeCollector'),
    ...optionalAddress('asset'),
    ...optionalAddress('safe'),
  };

  if (errors.length > 0)
    throw new DomainError(
      'DAO.INVALID_CONFIGURATION',
      `Invalid DAO configuration: ${errors.map((e) => e.field).join(', ')}`,
      'invalid',
      errors,
    );
  return { configuration, founders };
};

const resolveThresholds = (
  given: unknown,
  integer: (field: string, value: unknown, min: number, max?: number) => number,
  fail: (field: string, message: string) => void,
): Record<ProposalType, number> => {
  if (given === undefined) return { ...DAO_DEFAULTS.approvalThresholdBps };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    fail('approvalThresholdBps', 'must map proposal types to basis points');
    return { ...DAO_DEFAULTS.approvalThresholdBps };
  }
  const overrides = given as Record<string, unknown>;
  for (const key of Object.keys(overrides))
    if (!(PROPOSAL_TYPES as readonly string[]).includes(key)) fail(`approvalThresholdBps.${key}`, 'is not a proposal type');
  const resolved = { ...DAO_DEFAULTS.approvalThresholdBps } as Record<ProposalType, number>;
  for (const type of PROPOSAL_TYPES)
    if (overrides[type] !== undefined)
      resolved[type] = integer(`approvalThresholdBps.${type}`, overrides[type], DAO_LIMITS.bps.min, DAO_LIMITS.bps.max);
  return resolved;
};

/** Required when there is more than one treasurer; 1 for a single treasurer; 0 (or absent) for none. */
const resolveTreasurerThreshold = (given: unknown, treasurerCount: number, fail: (field: string, message: string) => void): number => {
  if (treasurerCount === 0) {
    if (given !== undefined && given !== 0) fail('treasurerThreshold', 'needs treasurers to sign');
    return 0;
  }
  if (given === undefined) {
    if (treasurerCount === 1) return 1;
    fail('treasurerThreshold', 'is required when there is more than one treasurer');
    return 0;
  }
  if (typeof given !== 'number' || !Number.isSafeInteger(given) || given < 1 || given > treasurerCount)
    fail('treasurerThreshold', `must be between 1 and ${treasurerCount}`);
  return given as number;
};
