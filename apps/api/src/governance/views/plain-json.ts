/** Domain values as JSON: bigint amounts become decimal strings (never numbers, which lose precision). */
export const plainJson = <T = unknown>(value: unknown): T =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as T;
