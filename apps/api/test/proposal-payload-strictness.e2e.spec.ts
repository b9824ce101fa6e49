import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import { HARDHAT_KEYS, signerFor, signIntent, type TestSigner } from '../../../test/support/signing';

const [alice, bob, carol] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner];
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
/** The event store's own bigint form, as a client would send it to have it read back as a number. */
const TAG_LIKE = { $bigint: '1' };

describe('A signed proposal carries only its type’s payload fields', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  let daoId: string;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
    const res = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Ayllu', founders: [alice.address, bob.address, carol.address] },
    });
    expect(res.status).toBe(201);
    daoId = res.body.id;
  });
  afterAll(() => api.close());

  const count = async (table: 'events' | 'idempotency_keys') =>
    (await api.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  /** `T` is `Problem` where the test expects a refusal. */
  const propose = async <T = ProposalView>(type: string, payload: Record<string, unknown>) => {
    const body = await signIntent(api, daoId, 'proposal', { proposer: alice.address, type, title: 'Strict', payload }, alice);
    return api.request<T>('POST', `/v1/daos/${daoId}/proposals`, { body });
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['CHANGE_STRATEGY', { strategy: STRATEGY, extra: TAG_LIKE }, 'payload.extra'],
    ['WITHDRAW_FUNDS', { recipient: bob.address, amount: '5', $bigint: '1' }, 'payload.$bigint'],
    ['REMOVE_MEMBER', { member: bob.address, reason: TAG_LIKE }, 'payload.reason'],
    ['CHANGE_PARAMETERS', { changes: { quorumBps: 6000, extra: TAG_LIKE } }, 'payload.changes.extra'],
  ])(
    'refuses a %s payload with a value shaped like a stored bigint where it does not belong (case %#) and appends nothing',
    async (type, payload, field) => {
      const [events, claims] = [await count('events'), await count('idempotency_keys')];
      const res = await propose<Problem>(type, payload);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('PROPOSAL.INVALID_PAYLOAD');
      expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
      expect(await count('events')).toBe(events);
      expect(await count('idempotency_keys')).toBe(claims);
    },
  );

  it('refuses a signed payload string that nests thousands of levels deep, naming the field, instead of overflowing', async () => {
    const deep = `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const body = await signIntent(
      api,
      daoId,
      'proposal',
      { proposer: alice.address, type: 'CHANGE_STRATEGY', title: 'Deep', payload: { strategy: STRATEGY } },
      alice,
      { mutate: (message) => ({ ...message, payload: deep }) },
    );
    const events = await count('events');
    const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/proposals`, { body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'message.payload', message: 'must not nest deeper than 32 levels' }]);
    expect(await count('events')).toBe(events);
  });

  it('still takes a well-formed proposal, and its stored payload reads back as signed', async () => {
    const res = await propose('WITHDRAW_FUNDS', { recipient: bob.address, amount: '5' });
    expect(res.status).toBe(201);
    const [submitted] = await store.readStream(streams.proposal.of(res.body.id).streamId);
    expect(submitted.data).toMatchObject({ type: 'WITHDRAW_FUNDS', payload: { recipient: bob.address, amount: 5n } });
  });
});
