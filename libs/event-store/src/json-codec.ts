/**
 * JSON for what the event store and the read models keep as encoded JSON (event data, idempotency
 * responses, folded states), keeping bigint: money is bigint in the domain.
 *
 * - A bigint is written `{"$bigint":"<decimal>"}`, the form every stored event already has.
 * - So that nothing else can be read back as a bigint, the codec owns every object key that starts with
 *   `$`: a value's own such key is written with one more `$` (`$bigint` → `$$bigint`) and read back without it.
 *   Values are whatever a client could send (a proposal's payload, a webhook's body), so this is not optional.
 * - Reading never throws on stored JSON: an object that is not a well-formed tag (`{"$bigint":"x"}`, or a
 *   single-`$` key written before keys were escaped) is read back as the plain object it is.
 *
 * Encoding copies only objects that hold a `$` key; decoding copies only what it changes, so a read of
 * data without bigints or `$` keys returns the parsed tree itself.
 */
const TAG = '$bigint';
const DOLLAR = 0x24;
/** `bigint.toString()`: the only spelling the encoder writes, so the only one read as a bigint. */
const CANONICAL_INTEGER = /^(?:0|-?[1-9]\d*)$/;

/** `target[key] = value`, except that `__proto__` (an own key JSON.parse can produce) stays an own key. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
};

const escapeKeys = (object: Record<string, unknown>): Record<string, unknown> => {
  const escaped: Record<string, unknown> = {};
  for (const key of Object.keys(object)) setOwn(escaped, key.charCodeAt(0) === DOLLAR ? `$${key}` : key, object[key]);
  return escaped;
};

// JSON.stringify calls this for every value once, after toJSON, and does not call it again on what it
// returns: the tag object written for a bigint keeps its own `$bigint` key unescaped.
const replacer = (_key: string, value: unknown): unknown => {
  if (typeof value === 'bigint') return { [TAG]: value.toString() };
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    for (const key in value) if (key.charCodeAt(0) === DOLLAR) return escapeKeys(value as Record<string, unknown>);
  return value;
};

export const encodeJson = (value: unknown): string => JSON.stringify(value, replacer);

/** Decodes a value `encodeJson` wrote that is already parsed (a jsonb column as `pg` returns it). */
export const reviveBigints = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? reviveArray(value) : reviveObject(value as Record<string, unknown>);
};

export const decodeJson = (text: string): unknown => reviveBigints(JSON.parse(text));

const reviveArray = (array: readonly unknown[]): readonly unknown[] => {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const revived = reviveBigints(item);
    if (revived !== item) (copy ??= array.slice())[i] = revived;
  }
  return copy ?? array;
};

const reviveObject = (object: Record<string, unknown>): unknown => {
  const tag = object[TAG];
  if (typeof tag === 'string' && hasOneKey(object) && CANONICAL_INTEGER.test(tag)) return BigInt(tag);
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    const item = object[key];
    const revived = reviveBigints(item);
    const name = key.charCodeAt(0) === DOLLAR && key.charCodeAt(1) === DOLLAR ? key.slice(1) : key;
    if (copy === undefined) {
      if (revived === item && name === key) continue;
      copy = copyBefore(object, key);
    }
    setOwn(copy, name, revived);
  }
  return copy ?? object;
};

const hasOneKey = (object: object): boolean => {
  let count = 0;
  for (const _key in object) if (++count > 1) return false;
  return count === 1;
};

/** The keys before `stop`, which needed no change. */
const copyBefore = (object: Record<string, unknown>, stop: string): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const key in object) {
    if (key === stop) break;
    setOwn(copy, key, object[key]);
  }
  return copy;
};
