/** Plain JSON for read models and API answers: bigint becomes a decimal string. */
export const toPlainJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
