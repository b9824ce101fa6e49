import { problem, ProblemException } from '../../shared/problem';

const UINT = /^(0|[1-9]\d{0,77})$/;

/** Amount fields per proposal type: decimal strings in JSON, bigint in the domain. */
const AMOUNT_FIELDS: Record<string, readonly string[]> = {
  ADD_MEMBER: ['units'],
  WITHDRAW_FUNDS: ['amount'],
  DISTRIBUTE_YIELDS: ['flowRatePerSecond', 'amount'],
};

/**
 * The JSON payload as the domain takes it: amounts become bigint. An amount that is not a decimal string
 * is a malformed request (400, field named); everything else is judged by the domain's own validation.
 */
export const payloadToDomain = (type: string, payload: unknown, fieldPrefix: string): Record<string, unknown> => {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw malformed(fieldPrefix, 'must be a JSON object');
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of AMOUNT_FIELDS[type] ?? []) if (out[field] !== undefined) out[field] = amount(out[field], `${fieldPrefix}.${field}`);
  if (type === 'CHANGE_PARAMETERS' && typeof out.changes === 'object' && out.changes !== null && !Array.isArray(out.changes)) {
    const changes = { ...(out.changes as Record<string, unknown>) };
    if (changes.minimumDeposit !== undefined)
      changes.minimumDeposit = amount(changes.minimumDeposit, `${fieldPrefix}.changes.minimumDeposit`);
    out.changes = changes;
  }
  return out;
};

const amount = (value: unknown, field: string): bigint => {
  if (typeof value !== 'string' || !UINT.test(value)) throw malformed(field, 'must be a non-negative integer written as a decimal string');
  return BigInt(value);
};

const malformed = (field: string, message: string) =>
  new ProblemException(problem(400, 'REQUEST.INVALID', `Invalid fields: ${field}`, { errors: [{ field, message }] }));
