import { daoDecider, fold, proposalDecider, type DaoEvent, type ProposalEvent } from '@ayllu/domain';
import { handleCommand, PostgresEventStore } from '@ayllu/event-store';
import { startTestApi, type TestApi } from '../../../test/support/api';
import { HARDHAT_KEYS, signerFor, signIntent, type SignedActionName, type TestSigner } from '../../../test/support/signing';

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

  const eventCount = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
  const createDao = async (founders: TestSigner[], config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request('POST', '/v1/daos', { admin: true, body: { name: 'Ayllu', founders: founders.map((f) => f.address), ...config } });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const sign = (daoId: string, action: SignedActionName, intent: Record<string, unknown>, who: TestSigner, opts = {}) =>
    signIntent(api, daoId, action, intent, who, opts);
  const propose = async (daoId: string, who: TestSigner = alice, payload: Record<string, unknown> = { strategy: STRATEGY }) => {
    const body = await sign(daoId, 'proposal', { proposer: who.address, type: 'CHANGE_STRATEGY', title: 'Move idle funds', payload }, who);
    return api.request('POST', `/v1/daos/${daoId}/proposals`, { body });
  };
  const voteBody = (daoId: string, pid: string, who: TestSigner, support: string, opts = {}) =>
    sign(daoId, 'vote', { voter: who.address, proposalId: pid, support, reason: `${support} from ${who.address.slice(0, 6)}` }, who, opts);
  const vote = async (daoId: string, pid: string, who: TestSigner, support: string) =>
    api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body: await voteBody(daoId, pid, who, support) });
  const proposalEvents = async (pid: string) =>
    (await store.readStream(`proposal-${pid}`)).map((e) => ({ type: e.type, data: e.data }) as ProposalEvent);
  /** A deposit as the chain indexer will append it (issue 4); here the test plays the indexer. */
  const deposit = (daoId: string, member: string, amount: bigint, logIndex: number) =>
    handleCommand({
      store,
      streamId: `dao-${daoId}`,
      decider: daoDecider,
      command: {
        type: 'ConfirmDeposit' as const,
        data: { member, amount, chainId: 31337, txHash: `0x${'d'.repeat(63)}${logIndex % 10}`, logIndex },
        metadata: { now: new Date().toISOString(), actor: 'system:indexer' },
      },
      context: { actor: 'system:indexer', correlationId: 'test', occurredAt: new Date().toISOString() },
    });

  describe('typed data', () => {
    it('fills in the DAO, a fresh nonce and a one-hour deadline, under the Ayllu domain of the configured chain', async () => {
      const daoId = await createDao([alice]);
      const res = await api.request('POST', `/v1/daos/${daoId}/typed-data/withdrawal-request`, {
        body: { member: alice.address, amount: '1000000000000000000000' },
      });
      expect(res.status).toBe(200);
      expect(res.body.domain).toEqual({ name: 'Ayllu', version: '1', chainId: 31337 });
      expect(res.body.primaryType).toBe('WithdrawalRequest');
      expect(res.body.types.WithdrawalRequest).toContainEqual({ name: 'amount', type: 'uint256' });
      expect(res.body.message).toMatchObject({ member: alice.address, amount: '1000000000000000000000', dao: daoId });
      expect(res.body.message.nonce).toMatch(/^0x[0-9a-f]{64}$/);
      expect(res.body.message.deadline - Math.floor(Date.now() / 1000)).toBeGreaterThan(3590);
      const again = await api.request('POST', `/v1/daos/${daoId}/typed-data/withdrawal-request`, { body: { member: alice.address, amount: '1' } });
      expect(again.body.message.nonce).not.toBe(res.body.message.nonce);
    });

    it('carries a proposal payload as canonical JSON text', async () => {
      const daoId = await createDao([alice]);
      const res = await api.request('POST', `/v1/daos/${daoId}/typed-data/proposal`, {
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
      ['a deadline two days out', 'emergency-exit', { member: alice.address, deadline: Math.floor(Date.now() / 1000) + 172800 }, 'deadline'],
      ['an unknown field', 'emergency-exit', { member: alice.address, colour: 'red' }, 'colour'],
      ['a payload amount as a number', 'proposal', { proposer: alice.address, type: 'WITHDRAW_FUNDS', title: 'x', payload: { recipient: bob.address, amount: 5 } }, 'payload.amount'],
    ])('refuses an intent with %s (400, field named)', async (_label, action, intent, field) => {
      const daoId = await createDao([alice]);
      const res = await api.request('POST', `/v1/daos/${daoId}/typed-data/${action}`, { body: intent });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown DAO', async () => {
      const res = await api.request('POST', '/v1/daos/dao_0000000000000000000000000000/typed-data/join-request', { body: { address: alice.address } });
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
      expect(submitted.body.rules.eligibleVoters).toHaveLength(3);

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
      expect(cast.map((e) => e.data)).toContainEqual(expect.objectContaining({ voter: bob.address, reason: expect.stringContaining('against') }));
      const [row] = (await api.db.pool.query(`SELECT metadata FROM events WHERE stream_id = $1 AND type = 'VoteCast' LIMIT 1`, [`proposal-${pid}`])).rows;
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
      const late = await vote(daoId, pid, carol, 'against');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PROPOSAL.NOT_ACTIVE');
    });

    it('lets a member who joined after the proposal opened not vote on it', async () => {
      const daoId = await createDao([alice, bob, carol]);
      const pid = (await propose(daoId)).body.id;
      const join = await api.request('POST', `/v1/daos/${daoId}/join-requests`, { body: await sign(daoId, 'join-request', { address: eve.address }, eve) });
      expect(join.status).toBe(201);
      expect(join.body).toMatchObject({ daoId, address: eve.address, status: 'PENDING' });
      await deposit(daoId, eve.address, 10n, 1);
      const dao = fold(daoDecider, (await store.readStream(`dao-${daoId}`)).map((e) => ({ type: e.type, data: e.data }) as DaoEvent));
      expect(dao.status === 'Active' && dao.members.get(eve.address)?.status).toBe('ACTIVE');
      const before = await eventCount();
      const res = await vote(daoId, pid, eve, 'for');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('VOTE.NOT_ELIGIBLE');
      expect(await eventCount()).toBe(before);
    });
  });
});
