import { streams, daoDecider, fold, proposalDecider, type DaoEvent, type ProposalEvent, type Address } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { HARDHAT_KEYS, signerFor, signIntent, type SignedActionName, type TestSigner } from '../../../test/support/signing';
import type { DaoView } from '../src/daos/dao.view';
import type { MemberView } from '../src/governance-reads/members/member.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import type { VoteView } from '../src/proposals/vote.view';
import type { TypedDataView } from '../src/signatures/typed-data/typed-data.view';
import type { EmergencyExitView } from '../src/withdrawals/emergency-exit.view';
import type { WithdrawalView } from '../src/withdrawals/withdrawal.view';

/** The parts of the OpenAPI document these tests read. */
interface OpenApiDocument {
  readonly paths: Record<string, { readonly post?: OpenApiOperation }>;
  readonly components: {
    readonly schemas: Record<
      string,
      { readonly properties: Record<string, { example?: unknown; description?: string; enum?: unknown[] }> }
    >;
  };
}
interface OpenApiOperation {
  readonly requestBody: { readonly content: Record<string, { readonly schema: { readonly $ref: string } }> };
  readonly responses: Record<string, unknown>;
}

const [alice, bob, carol, dave, eve] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner, TestSigner, TestSigner];
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

describe('Governance writes over HTTP (signed)', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
  });
  afterAll(() => api.close());

  const eventCount = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const createDao = async (founders: TestSigner[], config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Ayllu', founders: founders.map((f) => f.address), ...config },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner, opts = {}) =>
    signIntent(api, daoId, action, intent, who, opts);
  const propose = async (daoId: string, who: TestSigner = alice, payload: Record<string, unknown> = { strategy: STRATEGY }) => {
    const body = await sign(daoId, 'proposal', { proposer: who.address, type: 'CHANGE_STRATEGY', title: 'Move idle funds', payload }, who);
    return api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, { body });
  };
  const voteBody = (daoId: string, pid: string, who: TestSigner, support: string, opts = {}) =>
    sign(daoId, 'vote', { voter: who.address, proposalId: pid, support, reason: `${support} from ${who.address.slice(0, 6)}` }, who, opts);
  /** `T` is `Problem` where the test expects a refusal. */
  const vote = async <T = VoteView>(daoId: string, pid: string, who: TestSigner, support: string) =>
    api.request<T>('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body: await voteBody(daoId, pid, who, support) });
  const proposalEvents = async (pid: string) =>
    (await store.readStream(streams.proposal.of(pid).streamId)).map((e) => ({ type: e.type, data: e.data }) as ProposalEvent);
  /** A deposit as the chain indexer will append it; here the test plays the indexer. */
  const deposit = (daoId: string, member: Address, amount: bigint, logIndex: number) =>
    store.handle(
      { dao: streams.dao.of(daoId) },
      ({ dao }) => ({
        dao: daoDecider.decide(
          {
            type: 'ConfirmDeposit' as const,
            data: { member, amount, chainId: 31337, txHash: `0x${'d'.repeat(63)}${logIndex % 10}` as const, logIndex },
            metadata: { now: new Date().toISOString(), actor: 'system:indexer' },
          },
          dao,
        ),
      }),
      {
        context: { actor: 'system:indexer', correlationId: 'test', occurredAt: new Date().toISOString() },
      },
    );

  describe('typed data', () => {
    it('fills in the DAO, a fresh nonce and a one-hour deadline, under the Ayllu domain of the configured chain', async () => {
      const daoId = await createDao([alice]);
      const res = await api.request<TypedDataView>('POST', `/v1/daos/${daoId}/typed-data/withdrawal-request`, {
        body: { member: alice.address, amount: '1000000000000000000000' },
      });
      expect(res.status).toBe(200);
      expect(res.body.domain).toEqual({ name: 'Ayllu', version: '1', chainId: 31337 });
      expect(res.body.primaryType).toBe('WithdrawalRequest');
      expect(res.body.types.WithdrawalRequest).toContainEqual({ name: 'amount', type: 'uint256' });
      expect(res.body.message).toMatchObject({ member: alice.address, amount: '1000000000000000000000', dao: daoId });
      expect(res.body.message.nonce).toMatch(/^0x[0-9a-f]{64}$/);
      expect(Number(res.body.message.deadline) - Math.floor(Date.now() / 1000)).toBeGreaterThan(3590);
      const again = await api.request<TypedDataView>('POST', `/v1/daos/${daoId}/typed-data/withdrawal-request`, {
        body: { member: alice.address, amount: '1' },
      });
      expect(again.body.message.nonce).not.toBe(res.body.message.nonce);
    });

    it('carries a proposal payload as canonical JSON text', async () => {
      const daoId = await createDao([alice]);
      const res = await api.request<TypedDataView>('POST', `/v1/daos/${daoId}/typed-data/proposal`, {
        body: { proposer: alice.address, type: 'WITHDRAW_FUNDS', title: 'Pay', payload: { recipient: bob.address, amount: '5' } },
      });
      expect(res.status).toBe(200);
      expect(res.body.types.Proposal).toContainEqual({ name: 'payload', type: 'string' });
      expect(res.body.message.payload).toBe(`{"amount":"5","recipient":"${bob.address}"}`);
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      ['a malformed address', 'join-request', { address: '0x123' }, 'address'],
      ['an unknown support', 'vote', { voter: alice.address, proposalId: 'p', support: 'maybe' }, 'support'],
      ['a numeric amount', 'withdrawal-request', { member: alice.address, amount: 5 }, 'amount'],
      ['a past deadline', 'emergency-exit', { member: alice.address, deadline: 1000 }, 'deadline'],
      [
        'a deadline two days out',
        'emergency-exit',
        { member: alice.address, deadline: Math.floor(Date.now() / 1000) + 172800 },
        'deadline',
      ],
      ['an unknown field', 'emergency-exit', { member: alice.address, colour: 'red' }, 'colour'],
      [
        'a payload amount as a number',
        'proposal',
        { proposer: alice.address, type: 'WITHDRAW_FUNDS', title: 'x', payload: { recipient: bob.address, amount: 5 } },
        'payload.amount',
      ],
    ])('refuses an intent with %s (400, field named)', async (_label, action, intent, field) => {
      const daoId = await createDao([alice]);
      const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/typed-data/${action}`, { body: intent });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown DAO', async () => {
      const res = await api.request('POST', '/v1/daos/dao_0000000000000000000000000000/typed-data/join-request', {
        body: { address: alice.address },
      });
      expect(res.status).toBe(404);
    });
  });

  describe('a DAO with three founders', () => {
    it('runs a proposal to passing votes; the answers carry the frozen rules and the live tally', async () => {
      const daoId = await createDao([alice, bob, carol]);
      const submitted = await propose(daoId);
      expect(submitted.status).toBe(201);
      const pid = submitted.body.id;
      expect(submitted.body).toMatchObject({
        daoId,
        type: 'CHANGE_STRATEGY',
        title: 'Move idle funds',
        payload: { strategy: STRATEGY },
        proposer: alice.address,
        state: 'Active',
        rules: { votingType: 'democratic', quorumBps: 5100, thresholdBps: 5000, totalEligibleWeight: '3' },
        tally: { for: '0', against: '0', abstain: '0' },
      });
      expect(submitted.body.rules.eligibleVoterCount).toBe(3);

      expect((await vote(daoId, pid, alice, 'for')).status).toBe(201);
      expect((await vote(daoId, pid, bob, 'against')).status).toBe(201);
      const last = await vote(daoId, pid, carol, 'for');
      expect(last.status).toBe(201);
      expect(last.body).toMatchObject({ proposalId: pid, voter: carol.address, support: 'for', weight: '1', replaces: null });
      expect(last.body.proposal.tally).toEqual({ for: '2', against: '1', abstain: '0' });

      const events = await proposalEvents(pid);
      const state = fold(proposalDecider, events);
      expect(state.status === 'Active' && state.tally).toEqual({ for: 2n, against: 1n, abstain: 0n });
      const cast = events.filter((e) => e.type === 'VoteCast');
      expect(cast.map((e) => e.data)).toContainEqual(
        expect.objectContaining({ voter: bob.address, reason: expect.stringContaining('against') }),
      );
      const [row] = (
        await api.db.pool.query<{ metadata: { actor: string; idempotencyKey: string; causationId: string } }>(
          `SELECT metadata FROM events WHERE stream_id = $1 AND type = 'VoteCast' LIMIT 1`,
          [streams.proposal.of(pid).streamId],
        )
      ).rows;
      expect(row.metadata.actor).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(row.metadata.idempotencyKey).toMatch(new RegExp(`^sig:31337:${daoId}:0x[0-9a-fA-F]{40}:0x[0-9a-f]{64}$`));
      expect(row.metadata.causationId).toMatch(/^0x[0-9a-f]{64}$/);
    });

    it('closes at once, Succeeded, when early close is on and the outcome can no longer change', async () => {
      const daoId = await createDao([alice, bob, carol], { earlyClose: true });
      const pid = (await propose(daoId)).body.id;
      await vote(daoId, pid, alice, 'for');
      const decisive = await vote(daoId, pid, bob, 'for');
      expect(decisive.body.proposal.state).toBe('Succeeded');
      const late = await vote<Problem>(daoId, pid, carol, 'against');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PROPOSAL.NOT_ACTIVE');
    });

    it('records a changed vote as a new ballot when the DAO allows it; repeating the same choice records nothing', async () => {
      const daoId = await createDao([alice, bob, carol], { allowVoteChange: true });
      const pid = (await propose(daoId)).body.id;
      await vote(daoId, pid, alice, 'for');
      const changed = await vote(daoId, pid, alice, 'against');
      expect(changed.body).toMatchObject({ support: 'against', replaces: 'for' });
      expect(changed.body.proposal.tally).toEqual({ for: '0', against: '1', abstain: '0' });
      const before = await eventCount();
      const same = await vote(daoId, pid, alice, 'against');
      expect(same.status).toBe(201);
      expect(same.body).toMatchObject({ support: 'against', castAt: null });
      expect(await eventCount()).toBe(before);
      expect((await proposalEvents(pid)).filter((e) => e.type === 'VoteCast')).toHaveLength(2);
    });

    it('lets a member who joined after the proposal opened not vote on it', async () => {
      const daoId = await createDao([alice, bob, carol]);
      const pid = (await propose(daoId)).body.id;
      const join = await api.request<MemberView>('POST', `/v1/daos/${daoId}/join-requests`, {
        body: await sign(daoId, 'join-request', { address: eve.address }, eve),
      });
      expect(join.status).toBe(201);
      expect(join.body).toMatchObject({ address: eve.address, status: 'PENDING' });
      await deposit(daoId, eve.address, 10n, 1);
      const dao = fold(
        daoDecider,
        (await store.readStream(streams.dao.of(daoId).streamId)).map((e) => ({ type: e.type, data: e.data }) as DaoEvent),
      );
      expect(dao.status === 'Active' && dao.members.get(eve.address)?.status).toBe('ACTIVE');
      const before = await eventCount();
      const res = await vote<Problem>(daoId, pid, eve, 'for');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('VOTE.NOT_ELIGIBLE');
      expect(await eventCount()).toBe(before);
    });
  });
  describe('refusals: a 4xx with a clear reason, and nothing appended', () => {
    let daoId: string;
    let otherDao: string;
    let pid: string;
    beforeAll(async () => {
      daoId = await createDao([alice, bob, carol]);
      otherDao = await createDao([alice, bob, carol]);
      pid = (await propose(daoId)).body.id;
    });
    const votes = () => `/v1/daos/${daoId}/proposals/${pid}/votes`;
    const refused = async (path: string, body: unknown, status: number, code: string, field?: string) => {
      const before = await eventCount();
      const res = await api.request<Problem>('POST', path, { body });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
      expect(await eventCount()).toBe(before);
      return res;
    };

    it('a message signed by someone other than the voter it names: 401 SIGNATURE.INVALID', async () => {
      const body = await sign(daoId, 'vote', { voter: bob.address, proposalId: pid, support: 'for' }, dave);
      await refused(votes(), body, 401, 'SIGNATURE.INVALID');
    });

    it('a malformed signature: 401 SIGNATURE.INVALID; a signature of the wrong length: 400 naming it', async () => {
      const body = await voteBody(daoId, pid, alice, 'for');
      await refused(votes(), { ...body, signature: `0x${'00'.repeat(65)}` }, 401, 'SIGNATURE.INVALID');
      await refused(votes(), { ...body, signature: '0x1234' }, 400, 'REQUEST.INVALID', 'signature');
    });

    it('a tampered message (the signature no longer matches): 401', async () => {
      const body = await voteBody(daoId, pid, alice, 'for');
      await refused(votes(), { ...body, message: { ...body.message, support: 'against' } }, 401, 'SIGNATURE.INVALID');
    });

    it('a signature made for another chain recovers another address: 401', async () => {
      const body = await voteBody(daoId, pid, alice, 'for', { chainId: 1 });
      await refused(votes(), body, 401, 'SIGNATURE.INVALID');
    });

    it('an expired message: 400 SIGNATURE.EXPIRED; a deadline more than 24 h ahead: 400', async () => {
      const past = await voteBody(daoId, pid, alice, 'for', {
        mutate: (m: Record<string, unknown>) => ({ ...m, deadline: Math.floor(Date.now() / 1000) - 1 }),
      });
      await refused(votes(), past, 400, 'SIGNATURE.EXPIRED', 'message.deadline');
      const far = await voteBody(daoId, pid, alice, 'for', {
        mutate: (m: Record<string, unknown>) => ({ ...m, deadline: Math.floor(Date.now() / 1000) + 90000 }),
      });
      await refused(votes(), far, 400, 'SIGNATURE.DEADLINE_TOO_FAR', 'message.deadline');
    });

    it('a message for another DAO: 400 SIGNATURE.WRONG_DAO', async () => {
      const body = await sign(
        otherDao,
        'proposal',
        { proposer: alice.address, type: 'CHANGE_STRATEGY', title: 't', payload: { strategy: STRATEGY } },
        alice,
      );
      await refused(`/v1/daos/${daoId}/proposals`, body, 400, 'SIGNATURE.WRONG_DAO', 'message.dao');
    });

    it.each<[string, (m: Record<string, unknown>) => Record<string, unknown>, string]>([
      ['a missing voter', ({ voter: _v, ...m }) => m, 'message.voter'],
      ['an extra field', (m) => ({ ...m, weight: '100' }), 'message.weight'],
      ['a malformed nonce', (m) => ({ ...m, nonce: '0x12' }), 'message.nonce'],
      ['a string deadline', (m) => ({ ...m, deadline: String(m.deadline) }), 'message.deadline'],
      ['an unknown support', (m) => ({ ...m, support: 'yes' }), 'message.support'],
    ])('a malformed message (%s): 400 naming the field', async (_label, change, field) => {
      const body = await voteBody(daoId, pid, alice, 'for');
      await refused(votes(), { ...body, message: change(body.message) }, 400, 'REQUEST.INVALID', field);
    });

    it('a vote message for another proposal than the route names: 400', async () => {
      const body = await voteBody(daoId, pid, alice, 'for');
      await refused(`/v1/daos/${daoId}/proposals/prop_other/votes`, body, 400, 'REQUEST.INVALID', 'message.proposalId');
    });

    it('a proposal payload that is not the canonical text: 400 naming message.payload', async () => {
      const body = await sign(
        daoId,
        'proposal',
        { proposer: alice.address, type: 'CHANGE_STRATEGY', title: 't', payload: { strategy: STRATEGY } },
        alice,
        {
          mutate: (m: Record<string, unknown>) => ({ ...m, payload: `{ "strategy": "${STRATEGY}" }` }),
        },
      );
      await refused(`/v1/daos/${daoId}/proposals`, body, 400, 'REQUEST.INVALID', 'message.payload');
    });

    it('a replayed message: 409 SIGNATURE.REPLAYED, even when both copies arrive at once', async () => {
      const body = await voteBody(daoId, pid, carol, 'abstain');
      const [first, second] = await Promise.all([
        api.request<Problem>('POST', votes(), { body }),
        api.request<Problem>('POST', votes(), { body }),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      expect([first, second].find((r) => r.status === 409)!.body.code).toBe('SIGNATURE.REPLAYED');
      await refused(votes(), body, 409, 'SIGNATURE.REPLAYED');
      expect((await proposalEvents(pid)).filter((e) => e.type === 'VoteCast')).toHaveLength(1);
    });

    it('a nonce reused for a different message: 409 SIGNATURE.REPLAYED', async () => {
      const first = await sign(
        daoId,
        'proposal',
        { proposer: bob.address, type: 'CHANGE_STRATEGY', title: 'one', payload: { strategy: STRATEGY } },
        bob,
      );
      expect((await api.request('POST', `/v1/daos/${daoId}/proposals`, { body: first })).status).toBe(201);
      const reuse = await sign(
        daoId,
        'proposal',
        { proposer: bob.address, type: 'CHANGE_STRATEGY', title: 'two', payload: { strategy: STRATEGY } },
        bob,
        {
          mutate: (m: Record<string, unknown>) => ({ ...m, nonce: first.message.nonce }),
        },
      );
      await refused(`/v1/daos/${daoId}/proposals`, reuse, 409, 'SIGNATURE.REPLAYED');
    });

    it('domain refusals keep their kind: a non-member proposing is 404, voting is 403, a second vote 409', async () => {
      const stranger = await sign(
        daoId,
        'proposal',
        { proposer: dave.address, type: 'CHANGE_STRATEGY', title: 't', payload: { strategy: STRATEGY } },
        dave,
      );
      await refused(`/v1/daos/${daoId}/proposals`, stranger, 404, 'MEMBER.NOT_FOUND');
      await refused(votes(), await voteBody(daoId, pid, dave, 'for'), 403, 'VOTE.NOT_ELIGIBLE');
      expect((await vote(daoId, pid, alice, 'for')).status).toBe(201);
      await refused(votes(), await voteBody(daoId, pid, alice, 'against'), 409, 'VOTE.ALREADY_CAST');
    });

    it('an invalid payload is a 422 from the domain naming the payload field', async () => {
      const body = await sign(
        daoId,
        'proposal',
        { proposer: alice.address, type: 'CHANGE_STRATEGY', title: 't', payload: { strategy: 'nowhere' } },
        alice,
      );
      await refused(`/v1/daos/${daoId}/proposals`, body, 422, 'PROPOSAL.INVALID_PAYLOAD', 'payload.strategy');
    });
  });

  describe('admin decisions', () => {
    it('approves a hybrid joiner, who becomes ACTIVE with their deposit; honours Idempotency-Key', async () => {
      const daoId = await createDao([alice], { access: 'hybrid', minimumDeposit: '10' });
      await api.request('POST', `/v1/daos/${daoId}/join-requests`, {
        body: await sign(daoId, 'join-request', { address: eve.address }, eve),
      });
      await deposit(daoId, eve.address, 10n, 2);
      const headers = { 'idempotency-key': `approve-${daoId}` };
      const approved = await api.request<MemberView>('POST', `/v1/daos/${daoId}/members/${eve.address}/approval`, { admin: true, headers });
      expect(approved.status).toBe(201);
      expect(approved.body).toMatchObject({ address: eve.address, status: 'ACTIVE', admitted: true, balance: '10', weight: '1' });
      const before = await eventCount();
      const retry = await api.request<MemberView>('POST', `/v1/daos/${daoId}/members/${eve.address}/approval`, { admin: true, headers });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(approved.body);
      expect(await eventCount()).toBe(before);
    });

    it('suspends with a reason (the member can no longer vote) and reinstates', async () => {
      const daoId = await createDao([alice, bob, carol]);
      const pid = (await propose(daoId)).body.id;
      const suspended = await api.request<MemberView>('POST', `/v1/daos/${daoId}/members/${bob.address}/suspension`, {
        admin: true,
        body: { reason: 'Spam' },
      });
      expect(suspended.status).toBe(201);
      expect(suspended.body).toMatchObject({ status: 'SUSPENDED', weight: '0' });
      const refusedVote = await vote<Problem>(daoId, pid, bob, 'for');
      expect(refusedVote.status).toBe(403);
      expect(refusedVote.body.code).toBe('MEMBER.NOT_ACTIVE');
      const reinstated = await api.request<MemberView>('POST', `/v1/daos/${daoId}/members/${bob.address.toLowerCase()}/reinstatement`, {
        admin: true,
        body: { reason: 'Appeal upheld' },
      });
      expect(reinstated.status).toBe(201);
      expect(reinstated.body).toMatchObject({ address: bob.address, status: 'ACTIVE' });
      expect((await vote(daoId, pid, bob, 'for')).status).toBe(201);
    });

    it('vetoes a proposal with a reason', async () => {
      const daoId = await createDao([alice, bob]);
      const pid = (await propose(daoId)).body.id;
      const vetoed = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals/${pid}/veto`, {
        admin: true,
        body: { reason: 'Unaudited strategy' },
      });
      expect(vetoed.status).toBe(201);
      expect(vetoed.body).toMatchObject({ id: pid, state: 'Canceled' });
      const late = await vote(daoId, pid, alice, 'for');
      expect(late.status).toBe(409);
    });

    it.each<[string, string, unknown, number, string]>([
      ['no admin key', 'approval', undefined, 401, 'AUTH.UNAUTHORIZED'],
      ['no reason', 'suspension', {}, 400, 'REQUEST.INVALID'],
      ['a malformed address', 'suspension', { reason: 'x' }, 400, 'REQUEST.INVALID'],
      ['approval in an open DAO', 'approval', undefined, 409, 'MEMBER.APPROVAL_NOT_APPLICABLE'],
    ])('refuses %s and changes nothing', async (label, route, body, status, code) => {
      const daoId = await createDao([alice]);
      const before = await eventCount();
      const address = label === 'a malformed address' ? '0x123' : alice.address;
      const res = await api.request<Problem>('POST', `/v1/daos/${daoId}/members/${address}/${route}`, {
        admin: label !== 'no admin key',
        body,
      });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('withdrawal requests and emergency exits', () => {
    let daoId: string;
    beforeAll(async () => {
      daoId = await createDao([alice, bob]);
      await deposit(daoId, alice.address, 1000n, 3);
    });
    const request = async (who: TestSigner, amount: string) =>
      api.request<WithdrawalView>('POST', `/v1/daos/${daoId}/withdrawal-requests`, {
        body: await sign(daoId, 'withdrawal-request', { member: who.address, amount }, who),
      });

    it('approves a request within the small-withdrawal limit (201)', async () => {
      const res = await request(alice, '100');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ member: alice.address, amount: '100', kind: 'small', status: 'approved', proposal: null });
    });

    it('opens a WITHDRAW_FUNDS proposal for a larger one (202)', async () => {
      const res = await request(alice, '500');
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        kind: 'large',
        status: 'awaiting-vote',
        proposal: { type: 'WITHDRAW_FUNDS', state: 'Active', payload: { amount: '500' } },
      });
    });

    it.each([
      ['zero', '0'],
      ['more than the balance', '1000000'],
    ])('refuses %s with 422 and appends nothing', async (_label, amount) => {
      const before = await eventCount();
      const res = await request(alice, amount);
      expect(res.status).toBe(422);
      expect(await eventCount()).toBe(before);
    });

    it('accepts an emergency exit (202) with the date it becomes available', async () => {
      const res = await api.request<EmergencyExitView>('POST', `/v1/daos/${daoId}/emergency-exits`, {
        body: await sign(daoId, 'emergency-exit', { member: alice.address }, alice),
      });
      expect(res.status).toBe(202);
      expect(Date.parse(res.body.availableAt) - Date.parse(res.body.requestedAt)).toBe(7 * 24 * 3600 * 1000);
      expect(res.body.member).toMatchObject({ address: alice.address, balance: '1000' });
      const empty = await api.request<Problem>('POST', `/v1/daos/${daoId}/emergency-exits`, {
        body: await sign(daoId, 'emergency-exit', { member: bob.address }, bob),
      });
      expect(empty.status).toBe(409);
      expect(empty.body.code).toBe('WITHDRAWAL.NOTHING_TO_WITHDRAW');
    });
  });

  it('documents every write route in OpenAPI with request examples and problem responses', async () => {
    const doc = (await api.request<OpenApiDocument>('GET', '/docs-json')).body;
    const routes = [
      '/v1/daos/{id}/typed-data/proposal',
      '/v1/daos/{id}/join-requests',
      '/v1/daos/{id}/proposals',
      '/v1/daos/{id}/proposals/{pid}/votes',
      '/v1/daos/{id}/withdrawal-requests',
      '/v1/daos/{id}/emergency-exits',
      '/v1/daos/{id}/members/{address}/approval',
      '/v1/daos/{id}/members/{address}/suspension',
      '/v1/daos/{id}/members/{address}/reinstatement',
      '/v1/daos/{id}/proposals/{pid}/veto',
    ];
    for (const route of routes) {
      const post = doc.paths[route]?.post;
      expect(post).toBeDefined();
      if (!route.endsWith('/approval'))
        expect(post?.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
      expect(Object.keys(post?.responses ?? {})).toEqual(
        expect.arrayContaining(route.includes('typed-data') ? ['200', '400', '404'] : ['400', '401']),
      );
    }
    expect(doc.components.schemas.SignedVote.properties.signature.example).toMatch(/^0x/);
    expect(doc.components.schemas.ProposalMessage.properties.payload.description).toContain('canonical JSON');
    expect(doc.components.schemas.VoteMessage.properties.support.enum).toEqual(['for', 'against', 'abstain']);
  });
});
