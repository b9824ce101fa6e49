import fc from 'fast-check';
import { decodeJson, encodeJson, reviveBigints } from './json-codec';

/** Keys a client could choose to collide with the codec: the tag itself, escaped forms, bare `$`, `__proto__`. */
const trickyKey = fc.constantFrom('$bigint', '$$bigint', '$$$bigint', '$', '$$', '$x', '$$x', '__proto__', 'bigint', '');
const key = fc.oneof(
  trickyKey,
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4 }).map((s) => `$${s}`),
);
const digits = fc.bigInt().map(String);
const tagLikeString = fc.oneof(digits, fc.constantFrom('x', '', '-', '007', '-0', ' 1', '1e3', '0x10'), fc.string({ maxLength: 8 }));

/** Values the domain hands the event store: JSON plus bigint, with objects shaped like tags anywhere. */
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.string({ maxLength: 8 }),
    tagLikeString,
    fc.bigInt(),
    fc.record({ $bigint: tagLikeString }, { noNullPrototype: true }),
    fc.record({ $bigint: tie('value') }, { noNullPrototype: true }),
    fc.record({ $$bigint: tagLikeString }, { noNullPrototype: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    // Object.fromEntries keeps `__proto__` an own key, as JSON.parse does.
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
}));

describe('JSON codec', () => {
  it('reads back every value it wrote, bigints and tag-shaped client data alike', () =>
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeJson(encodeJson(v))).toStrictEqual(v);
      }),
      { numRuns: 2000 },
    ));

  it('never throws reading JSON, however it was written', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          value.map((v) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))),
        ),
        (text) => {
          expect(() => decodeJson(text)).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    ));

  it('reads a client object shaped like a bigint tag as that object', () => {
    const data = { extra: { $bigint: '12' }, amount: 12n };
    expect(encodeJson(data)).toBe('{"extra":{"$$bigint":"12"},"amount":{"$bigint":"12"}}');
    expect(decodeJson(encodeJson(data))).toStrictEqual(data);
  });

  it('writes bigints as events always have been, and reads those events as before', () => {
    expect(encodeJson({ amount: 10n ** 30n, debt: -5n })).toBe(
      '{"amount":{"$bigint":"1000000000000000000000000000000"},"debt":{"$bigint":"-5"}}',
    );
    expect(decodeJson('{"a":[{"$bigint":"0"},{"$bigint":"-42"}],"b":{"c":{"$bigint":"7"}}}')).toStrictEqual({
      a: [0n, -42n],
      b: { c: 7n },
    });
  });

  it('reads a malformed tag of older data as the plain object it is', () => {
    for (const text of [
      '{"$bigint":"x"}',
      '{"$bigint":""}',
      '{"$bigint":"1.5"}',
      '{"$bigint":"007"}',
      '{"$bigint":12}',
      '{"$bigint":"1","a":1}',
    ])
      expect(decodeJson(text)).toStrictEqual(JSON.parse(text));
  });

  it('keeps `__proto__` an own key both ways', () => {
    const data = JSON.parse('{"__proto__":{"$x":1},"$__proto__":2}') as Record<string, unknown>;
    const decoded = decodeJson(encodeJson(data)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toStrictEqual(data);
  });

  it('returns a parsed tree with nothing to decode as it is', () => {
    const parsed = { a: [1, { b: 'c' }], d: { e: null } };
    expect(reviveBigints(parsed)).toBe(parsed);
  });
});
