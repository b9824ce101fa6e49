import fc from 'fast-check';
import { startTestApi, TEST_ADMIN_KEY, type TestApi } from '../support/api';
import { HARDHAT_KEYS, signerFor, type TestSigner } from '../support/signing';
import type { WebhookView } from '../../apps/api/src/webhooks/webhook.view';
import { governance } from './support/governance-fixture';
import { hostileHeaderValue, hostileString, mutated, valueFor } from './support/hostile-values';
import { operationsOf, type OpenApiDocument, type Operation } from './support/openapi-operations';
import { stateFingerprinter, type StateFingerprint } from './support/state-fingerprint';

const TOTAL_CASES = Number(process.env.FAULTS_FUZZ_CASES ?? 10_000);
const [alice, bob, carol, dave] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner, TestSigner];

interface FuzzRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/** Every documented route gets its share of 10,000 hostile requests; none may answer 5xx or change state. */
describe('Bad input: property-based fuzzing of every documented route', () => {
  let api: TestApi;
  let fingerprint: () => Promise<StateFingerprint>;
  let operations: Operation[];
  const valid: Record<string, string> = {};
  const signedBodies: Record<string, unknown> = {};
  const figures = { cases: 0, refused: 0, accepted: 0, clientRefused: 0, byStatus: {} as Record<number, number> };

  beforeAll(async () => {
    // Wrong keys are part of the fuzz: without a high failed-attempt limit every admin route would soon answer 429.
    api = await startTestApi({ ADMIN_AUTH_MAX_FAILURES: '1000000' });
    fingerprint = await stateFingerprinter(api.db.pool);
    const g = governance(api);
    const daoId = await g.createDao([alice, bob, carol]);
    const pid = await g.propose(daoId, alice);
    const hook = await api.request<WebhookView>('POST', `/v1/daos/${daoId}/webhooks`, {
      admin: true,
      body: { url: 'http://127.0.0.1:9/hook', events: '*' },
    });
    if (hook.status !== 201) throw new Error(`the fuzz target webhook was refused: ${hook.status} ${JSON.stringify(hook.body)}`);
    Object.assign(valid, {
      id: daoId,
      pid,
      address: bob.address,
      wid: hook.body.id,
      did: `dl_${'0'.repeat(28)}`,
      safeTxHash: `0x${'ab'.repeat(32)}`,
    });
    // Valid signed bodies (never sent as they are): the fuzzer breaks one field at a time.
    signedBodies[`/v1/daos/{id}/join-requests`] = await g.sign(daoId, 'join-request', { address: dave.address }, dave);
    signedBodies[`/v1/daos/{id}/proposals`] = await g.proposalBody(daoId, bob);
    signedBodies[`/v1/daos/{id}/proposals/{pid}/votes`] = await g.voteBody(daoId, pid, carol);
    signedBodies[`/v1/daos/{id}/proposals/{pid}/cancellation`] = await g.sign(
      daoId,
      'proposal-cancellation',
      { proposer: alice.address, proposalId: pid },
      alice,
    );
    signedBodies[`/v1/daos/{id}/withdrawal-requests`] = await g.sign(
      daoId,
      'withdrawal-request',
      { member: bob.address, amount: '1' },
      bob,
    );
    signedBodies[`/v1/daos/{id}/emergency-exits`] = await g.sign(daoId, 'emergency-exit', { member: bob.address }, bob);
    operations = operationsOf((await api.request('GET', '/docs-json')).body as OpenApiDocument);
  });
  afterAll(async () => {
    process.stdout.write(`fuzz figures: ${JSON.stringify({ operations: operations?.length, ...figures })}\n`);
    await api?.close();
  });

  const requestFor = (doc: OpenApiDocument, op: Operation): fc.Arbitrary<FuzzRequest> => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const path = fc
      .tuple(
        ...pathParams.map((p) =>
          fc.oneof(
            { arbitrary: fc.constant(valid[p.name] ?? 'x'), weight: 4 },
            { arbitrary: hostileString.map(encodeURIComponent), weight: 2 },
            { arbitrary: fc.constantFrom('..', '.', '%', '%zz', '%00', '%2F', 'a/b', '?x=1', '#frag', ';x'), weight: 1 },
          ),
        ),
      )
      .map((values) => pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]), op.path));
    const query = fc
      .tuple(
        ...queryParams.map((p) =>
          fc.option(fc.oneof(valueFor(doc, p.schema).map(String), hostileHeaderValue, fc.array(hostileString, { maxLength: 3 }))),
        ),
        fc.dictionary(hostileHeaderValue, hostileHeaderValue, { maxKeys: 2 }),
      )
      .map((values) => {
        const search = new URLSearchParams();
        queryParams.forEach((p, i) => {
          // The positions before the last (the extra-parameter dictionary) are the query parameters'.
          const v = values[i] as string | string[] | null;
          if (v === null || v === undefined) return;
          for (const one of Array.isArray(v) ? v : [v]) search.append(p.name, String(one));
        });
        for (const [k, v] of Object.entries(values.at(-1) as Record<string, string>)) search.append(k, v);
        const text = search.toString();
        return text ? `?${text}` : '';
      });
    const signed = signedBodies[op.path];
    const bodyValue: fc.Arbitrary<unknown> = fc.oneof(
      ...(op.body ? [{ arbitrary: valueFor(doc, op.body), weight: 4 }] : []),
      ...(signed ? [{ arbitrary: mutated(signed), weight: 6 }] : []),
      { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const encoding = fc.constantFrom('json', 'json', 'json', 'json', 'garbage', 'text/plain', 'form', 'none-type', 'huge');
    const headers = fc.record(
      {
        authorization: fc.oneof(
          fc.constant(`Bearer ${TEST_ADMIN_KEY}`),
          fc.constant(`Bearer ${TEST_ADMIN_KEY.slice(0, -1)}x`),
          fc.constant(`bearer ${TEST_ADMIN_KEY}`),
          fc.constant(`Basic ${Buffer.from(`admin:${TEST_ADMIN_KEY}`).toString('base64')}`),
          hostileHeaderValue.map((v) => `Bearer ${v}`),
          hostileHeaderValue,
        ),
        'idempotency-key': hostileHeaderValue,
        'x-request-id': hostileHeaderValue,
        accept: fc.constantFrom('*/*', 'text/html', 'application/xml', ''),
      },
      { requiredKeys: [] },
    );
    return fc.tuple(path, query, bodyValue, encoding, headers, fc.string({ maxLength: 30 })).map(([p, q, value, enc, h, garbage]) => {
      const all: Record<string, string> = { ...h };
      let body: string | undefined;
      if (value !== undefined || enc === 'garbage' || enc === 'huge') {
        body =
          enc === 'garbage' ? `{"a":${garbage}` : enc === 'huge' ? JSON.stringify({ x: 'a'.repeat(1_100_000) }) : JSON.stringify(value);
        all['content-type'] =
          enc === 'text/plain'
            ? 'text/plain'
            : enc === 'form'
              ? 'application/x-www-form-urlencoded'
              : enc === 'none-type'
                ? ''
                : 'application/json';
        if (!all['content-type']) delete all['content-type'];
      }
      return { path: `${p}${q}`, headers: all, body };
    });
  };

  const send = async (op: Operation, req: FuzzRequest) => {
    try {
      const res = await fetch(`${api.url}${req.path}`, {
        method: op.method,
        headers: req.headers,
        ...(req.body !== undefined && op.method !== 'GET' ? { body: req.body } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
    } catch (error) {
      // undici refuses some header values before sending: nothing reached the server.
      if (error instanceof TypeError && !/fetch failed/.test(error.message)) return null;
      throw error;
    }
  };

  it(`answers ${TOTAL_CASES} hostile requests with no 5xx and changes nothing it refused`, async () => {
    const doc = (await api.request('GET', '/docs-json')).body as OpenApiDocument;
    const perOperation = Math.ceil(TOTAL_CASES / operations.length);
    // Every kind of failure is collected (one example each), so a run names all of them at once.
    const failures = new Map<string, string>();
    let before = await fingerprint();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(doc, op), async (req) => {
          const res = await send(op, req);
          if (!res) {
            figures.clientRefused++;
            return;
          }
          figures.cases++;
          figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
          const label = `${op.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 300)} ${String(req.body).slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
          const fail = (kind: string) =>
            failures.has(`${kind} ${op.method} ${op.path}`) || failures.set(`${kind} ${op.method} ${op.path}`, label);
          if (res.status >= 500) fail('5xx');
          const after = await fingerprint();
          if (res.status >= 400) {
            figures.refused++;
            if (JSON.stringify(after) !== JSON.stringify(before)) fail('refused-but-changed');
            if (!res.contentType.includes('application/problem+json')) fail('not-a-problem-document');
          } else figures.accepted++;
          before = after;
        }),
        { numRuns: perOperation, seed: Number(process.env.FAULTS_SEED ?? 8) },
      );
    }
    expect(Object.fromEntries(failures)).toEqual({});
    expect(figures.cases + figures.clientRefused).toBeGreaterThanOrEqual(TOTAL_CASES);
  });
});
