import fc from 'fast-check';
import { PROPOSAL_TYPES } from '@ayllu/domain';
import { keccak256, toHex, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { canonicalJson } from '../../../apps/api/src/signatures/canonical-json';
import { ACTION_SCHEMAS, type CommunityAction, type SignedAction } from '../../../apps/api/src/signatures/signed-actions';
import { ayllu712Domain } from '../../../apps/api/src/signatures/typed-data';
import type { TestSigner } from '../../support/signing';
import { hostileString } from './hostile-values';

/**
 * Hostile intents that are nonetheless validly signed: every field holds what its EIP-712 type can carry
 * (any string, any address, any uint in range), so the signature checks out and the request reaches the
 * domain, the event store and the processors behind it. That is where a signed payload once stopped every
 * DAO's projections.
 */

const UINT256_MAX = 2n ** 256n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Values that look like an encoder's own tags, or that JSON and JavaScript read differently. */
const TAGGED = [
  { $bigint: '1' },
  { $bigint: 'not-a-number' },
  { $date: '2026-01-01T00:00:00Z' },
  { $type: 'Buffer', data: [1, 2] },
  { $$escaped: true },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  { toJSON: 'x' },
] as const;

const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: nested(depth - 1) });
const nestedArray = (depth: number): unknown => (depth === 0 ? [] : [nestedArray(depth - 1)]);

/** Any JSON value a payload field might hold, hostile first. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...TAGGED),
  fc.constantFrom(nested(40), nestedArray(40), nested(8)),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 64, Number.MAX_SAFE_INTEGER + 2, null, true, false, [], {}),
  fc.bigInt({ min: 0n, max: 2n ** 300n }).map(String),
  fc.constantFrom(UINT256_MAX.toString(), (UINT256_MAX + 1n).toString(), (2n ** 95n).toString(), (-(2n ** 95n)).toString()),
  fc.jsonValue({ maxDepth: 3 }),
);

/** The known fields of each proposal type's payload, with a plausible value each (so the hostile one is the odd one out). */
const PAYLOAD_FIELDS: Record<(typeof PROPOSAL_TYPES)[number], (members: readonly Hex[]) => Record<string, unknown>> = {
  ADD_MEMBER: () => ({ member: privateKeyToAccount(generatePrivateKey()).address, units: '1' }),
  REMOVE_MEMBER: (members) => ({ member: members[1], reason: 'inactive' }),
  WITHDRAW_FUNDS: (members) => ({ recipient: members[2], amount: '1000' }),
  CHANGE_PARAMETERS: () => ({ changes: { quorumBps: 6000, minimumDeposit: '5', treasurers: [], treasurerThreshold: 0 } }),
  CHANGE_STRATEGY: () => ({ strategy: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' }),
  DISTRIBUTE_YIELDS: () => ({ mode: 'stream', flowRatePerSecond: '1000' }),
  UPGRADE_CONTRACT: () => ({ implementation: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' }),
};

/** A payload of a proposal type: plausible fields, some replaced, dropped or joined by unknown keys. */
const payloadOf = (type: string, members: readonly Hex[]): fc.Arbitrary<string> => {
  const base = (PAYLOAD_FIELDS as Record<string, (m: readonly Hex[]) => Record<string, unknown>>)[type]?.(members) ?? {};
  const keys = Object.keys(base);
  const edited = fc
    .tuple(
      fc.subarray(keys),
      fc.dictionary(fc.oneof(fc.constantFrom(...keys, 'changes'), hostileString), hostileJson, { maxKeys: 3 }),
      fc.dictionary(fc.constantFrom('$bigint', '$date', 'extra', '__proto__', 'constructor', 'quorumBps', 'treasurers'), hostileJson, {
        maxKeys: 2,
      }),
      fc.boolean(),
    )
    .map(([dropped, replaced, extra, nestIntoChanges]) => {
      const payload: Record<string, unknown> = { ...base };
      for (const key of dropped) delete payload[key];
      Object.assign(payload, replaced);
      if (nestIntoChanges && type === 'CHANGE_PARAMETERS') payload.changes = { ...(base.changes as object), ...extra };
      else Object.assign(payload, extra);
      return payload;
    });
  return fc.oneof(
    { arbitrary: edited.map(canonicalJson), weight: 6 },
    { arbitrary: fc.constant(canonicalJson(base)), weight: 1 },
    // Payload strings the canonical form would never produce: raw text, spaces, duplicate keys, huge numerals.
    {
      arbitrary: fc.constantFrom(
        '',
        'null',
        '[]',
        '"text"',
        '{"member": "0x"}',
        '{"amount":1e999,"recipient":"0x0000000000000000000000000000000000000001"}',
        '{"a":1,"a":2}',
        `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
        JSON.stringify(nested(200)),
      ),
      weight: 1,
    },
    { arbitrary: hostileString, weight: 1 },
  );
};

export interface SigningWorld {
  readonly chainId: number;
  readonly daoId: string;
  readonly otherDaoId: string;
  /** Proposals a vote or a cancellation may name (read when the action's round starts). */
  readonly proposalIds: () => readonly string[];
  /** Members with keys, founders first. */
  readonly members: readonly TestSigner[];
}

export interface SignedCase {
  readonly action: SignedAction;
  readonly body: { message: Record<string, unknown>; signature: Hex };
  /** What the case tried, for a failure's label. */
  readonly note: string;
}

/** Stands for the case's own fresh key (a stranger to the DAO) until the case is signed. */
const STRANGER = 'stranger';
let strangerCount = 0;
const ZERO_ADDRESSES = ['0x0000000000000000000000000000000000000000', '0xFFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF'] as const;

/** A plausible value and a hostile one for each field of an action's message (by EIP-712 type and name). */
const fieldValues = (world: SigningWorld, action: SignedAction, field: { name: string; type: string }) => {
  const now = Math.floor(Date.now() / 1000);
  const memberAddresses = world.members.map((m) => m.address);
  if (field.type === 'address')
    return {
      plausible: action === 'join-request' ? fc.constantFrom(STRANGER, STRANGER, ...memberAddresses) : fc.constantFrom(...memberAddresses),
      hostile: fc.constantFrom(STRANGER, ...ZERO_ADDRESSES),
    };
  if (field.type === 'bytes32') {
    const random = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b));
    return { plausible: random, hostile: fc.constantFrom(`0x${'00'.repeat(32)}`, `0x${'ff'.repeat(32)}`) };
  }
  if (field.type === 'uint64')
    return {
      plausible: fc.integer({ min: now + 60, max: now + 3600 }),
      hostile: fc.constantFrom<number | bigint>(0, now - 1, now + 2 * 86_400, Number.MAX_SAFE_INTEGER, UINT64_MAX),
    };
  if (field.type === 'uint256')
    return {
      plausible: fc.bigInt({ min: 1n, max: 10n ** 20n }),
      hostile: fc.oneof(fc.constantFrom(0n, UINT256_MAX, 2n ** 96n, 2n ** 128n), fc.bigInt({ min: 0n, max: UINT256_MAX })),
    };
  const plausible: fc.Arbitrary<string> =
    field.name === 'dao'
      ? fc.constant(world.daoId)
      : field.name === 'proposalId'
        ? fc.constantFrom(...world.proposalIds())
        : field.name === 'support'
          ? fc.constantFrom('for', 'against', 'abstain')
          : field.name === 'type'
            ? fc.constantFrom(...PROPOSAL_TYPES)
            : fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() === t && /^[\x20-\x7e]+$/.test(t));
  const hostile = field.name === 'dao' ? fc.oneof(fc.constant(world.otherDaoId), hostileString) : hostileString;
  return { plausible, hostile };
};

/**
 * One validly signed, hostile message for `action`: a plausible message with up to two fields made hostile
 * (and, for proposals, a payload edited as \`payloadOf\` does), signed mostly by the key its actor field names.
 */
export const signedCase = (world: SigningWorld, action: SignedAction): fc.Arbitrary<Promise<SignedCase>> => {
  const schema = ACTION_SCHEMAS[action];
  const signable = schema.fields.filter((f) => f.name !== 'payload');
  const values = Object.fromEntries(signable.map((f) => [f.name, fieldValues(world, action, f)]));
  const message = fc
    .tuple(
      fc.record(Object.fromEntries(signable.map((f) => [f.name, values[f.name].plausible]))),
      fc.subarray(
        signable.map((f) => f.name),
        { maxLength: 2 },
      ),
      fc.record(Object.fromEntries(signable.map((f) => [f.name, values[f.name].hostile]))),
    )
    .map(([plausible, broken, hostile]) => ({
      ...plausible,
      ...Object.fromEntries(broken.map((name) => [name, hostile[name]])),
    }));
  return fc
    .tuple(
      message,
      fc.constantFrom(...PROPOSAL_TYPES),
      fc.nat(),
      fc.oneof({ arbitrary: fc.constant('actor'), weight: 8 }, { arbitrary: fc.constantFrom('stranger', 'other-member'), weight: 1 }),
      // Now and then keys the message does not define (fc.option's freq is the chance of none: 1 in freq).
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 9 },
        { arbitrary: fc.dictionary(fc.constantFrom('extra', '$bigint', '__proto__', 'signature'), hostileJson, { maxKeys: 2 }), weight: 1 },
      ),
    )
    .chain(([message, fallbackType, seed, signerKind, extra]) => {
      const type =
        typeof message.type === 'string' && (PROPOSAL_TYPES as readonly string[]).includes(message.type) ? message.type : fallbackType;
      const payload = schema.fields.some((f) => f.name === 'payload')
        ? payloadOf(
            type,
            world.members.map((m) => m.address),
          )
        : fc.constant(undefined);
      return payload.map((p) => ({ message: message as Record<string, unknown>, p, seed, signerKind, extra }));
    })
    .map(async ({ message, p, seed, signerKind, extra }) => {
      const stranger = privateKeyToAccount(keccak256(toHex(`signed-fuzz:${action}:${seed}:${(strangerCount += 1)}`)));
      const full: Record<string, unknown> = Object.fromEntries(
        Object.entries({ ...message, ...(p !== undefined ? { payload: p } : {}) }).map(([k, v]) => [
          k,
          v === STRANGER ? stranger.address : v,
        ]),
      );
      const actor = full[schema.actorField] as string;
      const signer =
        signerKind === 'stranger'
          ? stranger
          : signerKind === 'other-member'
            ? world.members[seed % world.members.length]
            : (world.members.find((m) => m.address === actor) ?? (stranger.address === actor ? stranger : world.members[0]));
      const signature = await signer.signTypedData({
        domain: ayllu712Domain(world.chainId),
        types: { [schema.primaryType]: schema.fields.map((f) => ({ ...f })) },
        primaryType: schema.primaryType,
        message: full,
      } as Parameters<typeof signer.signTypedData>[0]);
      // JSON carries numbers as the API documents them: uints as decimal strings, the deadline as a number.
      const wire = Object.fromEntries(
        Object.entries(full).map(([k, v]: [string, unknown]) => [
          k,
          typeof v === 'bigint' ? (k === 'deadline' ? Number(v) : v.toString()) : v,
        ]),
      );
      return {
        action,
        body: { message: { ...wire, ...(extra ?? {}) }, signature },
        note: `${action} signed by ${signerKind}${extra ? ` with extra ${Object.keys(extra).join(',')}` : ''}`,
      };
    });
};

/** The write route of each signed action. */
export const signedRoute = (world: SigningWorld, action: CommunityAction, message: Record<string, unknown>): string => {
  const pid = encodeURIComponent(typeof message.proposalId === 'string' && message.proposalId ? message.proposalId : 'none');
  return {
    'join-request': `/v1/daos/${world.daoId}/join-requests`,
    proposal: `/v1/daos/${world.daoId}/proposals`,
    'proposal-cancellation': `/v1/daos/${world.daoId}/proposals/${pid}/cancellation`,
    vote: `/v1/daos/${world.daoId}/proposals/${pid}/votes`,
    'withdrawal-request': `/v1/daos/${world.daoId}/withdrawal-requests`,
    'emergency-exit': `/v1/daos/${world.daoId}/emergency-exits`,
  }[action];
};
