import { chainIntegerMessage, type ChainIntegerType } from '@ayllu/domain';
import { problem, ProblemException } from '../shared/problem';
import { invalidField } from '../shared/validation/invalid-field';
import { isOutOfChainRange } from '../shared/validation/validators';

/** Whole-number fields per proposal type and the chain type each is bound for: decimal strings in JSON, bigint in the domain. */
const AMOUNT_FIELDS: Record<string, Readonly<Record<string, ChainIntegerType>>> = {
  ADD_MEMBER: { units: 'uint256' },
  WITHDRAW_FUNDS: { amount: 'uint256' },
  DISTRIBUTE_YIELDS: { flowRatePerSecond: 'int96', amount: 'uint256' },
};

/**
 * The JSON payload as the domain takes it: amounts become bigint. An amount that is not a decimal string
 * is a malformed request (400, field named); a decimal string above its chain type (an amount above uint256,
 * a flow rate above int96) is a 422 naming the field; everything else is judged by the domain's own validation
 * (which refuses the same ranges again, with the same rule).
 */
export const payloadToDomain = (type: string, payload: unknown, fieldPrefix: string): Record<string, unknown> => {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalidField(fieldPrefix, 'must be a JSON object');
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [field, chainType] of Object.entries(AMOUNT_FIELDS[type] ?? {}))
    if (out[field] !== undefined) out[field] = amount(out[field], `${fieldPrefix}.${field}`, chainType);
  if (type === 'CHANGE_PARAMETERS' && typeof out.changes === 'object' && out.changes !== null && !Array.isArray(out.changes)) {
    const changes = { ...(out.changes as Record<string, unknown>) };
    if (changes.minimumDeposit !== undefined)
      changes.minimumDeposit = amount(changes.minimumDeposit, `${fieldPrefix}.changes.minimumDeposit`, 'uint256');
    out.changes = changes;
  }
  return out;
};

const DECIMAL = /^(0|[1-9]\d*)$/;

const amount = (value: unknown, field: string, type: ChainIntegerType): bigint => {
  // Amounts, units and flow rates of a payload are never negative: the range named is from 0.
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw invalidField(field, chainIntegerMessage(type, 0n));
  if (isOutOfChainRange(value, type, 0n))
    throw new ProblemException(
      problem(422, 'REQUEST.OUT_OF_RANGE', `Out of range: ${field}`, { errors: [{ field, message: chainIntegerMessage(type, 0n) }] }),
    );
  return BigInt(value);
};
