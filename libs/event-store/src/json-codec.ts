/**
 * JSON for event payloads that keeps bigint (money is bigint in the domain). A bigint is written as
 * `{"$bigint":"<decimal>"}`, a shape no validated payload can take, and read back as a bigint.
 */
const TAG = '$bigint';

export const encodeJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [TAG]: v.toString() } : v));

export const reviveBigints = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reviveBigints);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === TAG && typeof entries[0][1] === 'string') {
      return BigInt(entries[0][1]);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, reviveBigints(v)]));
  }
  return value;
};

export const decodeJson = (text: string): unknown => reviveBigints(JSON.parse(text));
