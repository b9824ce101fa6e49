import { invalidField } from '../shared/validation/invalid-field';
import { isUintString, UINT256_MAX, uintMessage } from '../shared/validation/validators';

const AMOUNT = { max: UINT256_MAX };

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
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalidField(fieldPrefix, 'must be a JSON object');
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
  if (!isUintString(value, AMOUNT)) throw invalidField(field, uintMessage(AMOUNT));
  return BigInt(value);
};
