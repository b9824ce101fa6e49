import { isChecksumAddress, type Address } from '../shared/address';
import { chainIntegerMessage, fitsChainInteger } from '../shared/chain-integer';
import { DomainError, type FieldError } from '../shared/domain-error';
import {
  ROSCA_DEFAULTS,
  ROSCA_LIMITS,
  ROTATION_METHODS,
  type RotatingPoolConfiguration,
  type RotatingPoolConfigurationInput,
  type RotationMethod,
} from './rosca-configuration';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Applies the defaults and checks every creation parameter, collecting every problem, so a form is fixed in
 * one round trip. Throws `ROSCA.INVALID_CONFIGURATION` with one FieldError per field.
 */
export const validateRoscaConfiguration = (input: RotatingPoolConfigurationInput): RotatingPoolConfiguration => {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const pick = <K extends keyof typeof ROSCA_DEFAULTS>(key: K): unknown => (input[key] === undefined ? ROSCA_DEFAULTS[key] : input[key]);
  const integer = (field: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, 'must be an integer');
    else if (value < min || value > max) fail(field, `must be between ${min} and ${max}`);
    return value as number;
  };

  if (typeof input.daoId !== 'string' || input.daoId.length === 0) fail('daoId', 'is required');
  if (!isChecksumAddress(input.organiser)) fail('organiser', "must be the DAO's Safe, an EIP-55 checksummed address");
  const amount = input.contributionAmount;
  if (typeof amount !== 'bigint' || !fitsChainInteger(amount, 'uint256')) fail('contributionAmount', chainIntegerMessage('uint256'));
  else if (amount === 0n) fail('contributionAmount', 'must be more than 0');
  const { memberCount: mc, rotationIntervalSeconds: ri } = ROSCA_LIMITS;
  const rotationIntervalSeconds = integer('rotationIntervalSeconds', input.rotationIntervalSeconds, ri.min, ri.max);
  const memberCount = integer('memberCount', input.memberCount, mc.min, mc.max);
  const startDate = input.startDate;
  if (typeof startDate !== 'string' || !ISO.test(startDate) || Number.isNaN(Date.parse(startDate)))
    fail('startDate', 'must be an ISO-8601 UTC instant');
  const collateralPercent = integer('collateralPercent', pick('collateralPercent'), 0, ROSCA_LIMITS.collateralPercent.max);
  const gracePeriodSeconds = integer('gracePeriodSeconds', pick('gracePeriodSeconds'), 0, ROSCA_LIMITS.gracePeriodSeconds.max);
  if (
    Number.isSafeInteger(gracePeriodSeconds) &&
    Number.isSafeInteger(rotationIntervalSeconds) &&
    gracePeriodSeconds >= rotationIntervalSeconds
  )
    fail('gracePeriodSeconds', 'must be shorter than the rotation interval');
  const penaltyRateBps = integer('penaltyRateBps', pick('penaltyRateBps'), 0, ROSCA_LIMITS.penaltyRateBps.max);
  const allowEmergencyExit = pick('allowEmergencyExit');
  if (typeof allowEmergencyExit !== 'boolean') fail('allowEmergencyExit', 'must be true or false');
  const earlyExitPenaltyBps = integer('earlyExitPenaltyBps', pick('earlyExitPenaltyBps'), 0, ROSCA_LIMITS.earlyExitPenaltyBps.max);
  const platformFeeBps = integer('platformFeeBps', pick('platformFeeBps'), 0, ROSCA_LIMITS.platformFeeBps.max);
  const rotationMethod = pick('rotationMethod');
  if (!ROTATION_METHODS.includes(rotationMethod as RotationMethod)) fail('rotationMethod', `must be one of ${ROTATION_METHODS.join(', ')}`);

  // A payout must be able to hold back what collateral does not cover of the remaining contributions:
  // fee ≤ one contribution + collateral, i.e. memberCount × feeBps ≤ 10000 + 100 × memberCount × collateralPercent.
  if (errors.length === 0 && memberCount * platformFeeBps > 10_000 + 100 * memberCount * collateralPercent)
    fail('platformFeeBps', 'with this member count and collateral, a payout could not hold back the remaining contributions');
  if (errors.length > 0)
    throw new DomainError('ROSCA.INVALID_CONFIGURATION', 'The rotating pool configuration is invalid', 'invalid', errors);
  return {
    daoId: input.daoId as string,
    organiser: input.organiser as Address,
    contributionAmount: amount as bigint,
    rotationIntervalSeconds,
    memberCount,
    startDate: startDate as string,
    collateralPercent,
    gracePeriodSeconds,
    penaltyRateBps,
    allowEmergencyExit: allowEmergencyExit as boolean,
    earlyExitPenaltyBps,
    platformFeeBps,
    rotationMethod: rotationMethod as RotationMethod,
  };
};
