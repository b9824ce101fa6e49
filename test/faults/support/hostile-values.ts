import fc from 'fast-check';
import type { OpenApiDocument, Schema } from './openapi-operations';
import { resolveSchema } from './openapi-operations';

/** Strings that have broken parsers, validators and SQL before: the fuzzer mixes them into every field. */
const NOTORIOUS = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '+1',
  ' 1',
  '1e309',
  '1e-7',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  "' OR 1=1 --",
  '";DROP TABLE events;--',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '0x',
  `0x${'f'.repeat(64)}`,
  `0x${'0'.repeat(40)}`,
  `0x${'g'.repeat(40)}`,
  '9'.repeat(400),
  '18446744073709551616',
  '-9223372036854775809',
  'a'.repeat(5000),
  '\u0000',
  '\ud800',
  '\u202e',
  '🏳️‍🌈',
  '2026-13-45',
  '1970-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '275760-09-13T00:00:00.001Z',
  'dao_',
  'prop_',
  'dao_0000000000000000000000000000',
  'http://127.0.0.1/',
  'http://[::1]/',
  'file:///etc/passwd',
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NOTORIOUS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map(String),
);

/** Printable ASCII only: what an HTTP client can put in a header or a query at all. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'null', 'a'.repeat(2000), "' OR 1=1 --", '0', '-1', '../'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
);

const hostileAnything: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  fc.constantFrom(null, true, false, [], {}, 1e308, -1e308, 2 ** 64, Number.MAX_SAFE_INTEGER + 2),
);

/**
 * Values for a schema: often plausible (its example or enum), often hostile (wrong type, notorious strings),
 * objects with fields dropped, replaced or added. Plausible parts let the hostile ones get past the first check.
 */
export const valueFor = (doc: OpenApiDocument, raw: Schema, depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolveSchema(doc, raw);
  const alternatives = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(doc, s, depth + 1)), hostileAnything);
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (schema.example !== undefined) plausible.push(fc.constant(schema.example));
  if (schema.enum?.length) plausible.push(fc.constantFrom(...schema.enum));
  if (schema.type === 'object' && schema.properties && depth < 4) {
    const fields = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, valueFor(doc, s, depth + 1)]));
    plausible.push(
      fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(hostileString, hostileAnything, { maxKeys: 2 }), fc.boolean())
        .map(([known, extra, addExtra]) => (addExtra ? { ...known, ...extra } : known)),
    );
  }
  if (schema.type === 'array' && schema.items) plausible.push(fc.array(valueFor(doc, schema.items, depth + 1), { maxLength: 5 }));
  if (schema.type === 'number' || schema.type === 'integer') plausible.push(fc.integer({ min: -1, max: 2_000_000_000 }));
  if (schema.type === 'boolean') plausible.push(fc.boolean());
  if (schema.type === 'string') plausible.push(hostileString);
  return plausible.length
    ? fc.oneof({ arbitrary: fc.oneof(...plausible), weight: 3 }, { arbitrary: hostileAnything, weight: 1 })
    : hostileAnything;
};

/** Replaces the value at one random path of a valid body (a signed message, say) with a hostile one. */
export const mutated = (valid: unknown): fc.Arbitrary<unknown> => {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(valid, []);
  return fc.tuple(fc.constantFrom(...paths), hostileAnything, fc.boolean()).map(([path, replacement, drop]) => {
    if (path.length === 0) return replacement;
    const copy = structuredClone(valid) as Record<string, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    if (drop) delete target[path.at(-1)!];
    else target[path.at(-1)!] = replacement;
    return copy;
  });
};
