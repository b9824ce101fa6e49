import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { startTestApi, type TestApi } from '../../../test/support/api';
import { HARDHAT_KEYS, signerFor, signIntent, type TestSigner } from '../../../test/support/signing';

const [alice, bob, carol, dave] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner, TestSigner];
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

describe('A proposer cancels their own proposal before anyone votes (signed)', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
  });
  afterAll(() => api.close());

  const eventCount = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
  const createDao = async (config: Record<string, unknown> = {}): Promise<string> => {
    const res = await api.request('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Cancellations', founders: [alice, bob, carol].map((f) => f.address), ...config },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const propose = async (daoId: string, who: TestSigner = alice): Promise<string> => {
    const body = await signIntent(
      api,
      daoId,
      'proposal',
      { proposer: who.address, type: 'CHANGE_STRATEGY', title: 'Move idle funds', payload: { strategy: STRATEGY } },
      who,
    );
    const res = await api.request('POST', `/v1/daos/${daoId}/proposals`, { body });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const cancellation = (daoId: string, pid: string, proposer: TestSigner, signer: TestSigner = proposer, opts = {}) =>
    signIntent(api, daoId, 'proposal-cancellation', { proposer: proposer.address, proposalId: pid }, signer, opts);
  const cancel = (daoId: string, pid: string, body: unknown) =>
    api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/cancellation`, { body });
  const refused = async (daoId: string, pid: string, body: unknown, status: number, code: string, field?: string) => {
    const before = await eventCount();
    const res = await cancel(daoId, pid, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await eventCount()).toBe(before);
    return res;
  };

  it('serves typed data bound to the chain, the DAO, a fresh nonce and a deadline', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    const res = await api.request('POST', `/v1/daos/${daoId}/typed-data/proposal-cancellation`, {
      body: { proposer: alice.address.toLowerCase(), proposalId: pid },
    });
    expect(res.status).toBe(200);
    expect(res.body.domain).toEqual({ name: 'Ayllu', version: '1', chainId: 31337 });
    expect(res.body.primaryType).toBe('ProposalCancellation');
    expect(res.body.types.ProposalCancellation).toEqual([
      { name: 'proposer', type: 'address' },
      { name: 'proposalId', type: 'string' },
      { name: 'dao', type: 'string' },
      { name: 'nonce', type: 'bytes32' },
      { name: 'deadline', type: 'uint64' },
    ]);
    expect(res.body.message).toMatchObject({ proposer: alice.address, proposalId: pid, dao: daoId });
    expect(res.body.message.nonce).toMatch(/^0x[0-9a-f]{64}$/);
    const bad = await api.request('POST', `/v1/daos/${daoId}/typed-data/proposal-cancellation`, {
      body: { proposer: '0x123', proposalId: pid },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['proposer']);
  });

  it('cancels before the first vote: the proposal shows Canceled and the DAO frees its slot', async () => {
    const daoId = await createDao({ maxActiveProposals: 1 });
    const pid = await propose(daoId);
    const res = await cancel(daoId, pid, await cancellation(daoId, pid, alice));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: pid,
      daoId,
      state: 'Canceled',
      proposer: alice.address,
      resolution: { canceledBy: alice.address },
    });

    const read = await api.request('GET', `/v1/daos/${daoId}/proposals/${pid}`);
    expect(read.status).toBe(200);
    expect(read.body.state).toBe('Canceled');
    expect(read.body.timeline.map((e: { type: string }) => e.type)).toContain('ProposalCanceled');

    const [row] = (
      await api.db.pool.query(`SELECT metadata FROM events WHERE stream_id = $1 AND type = 'ProposalCanceled'`, [
        streams.proposal.of(pid).streamId,
      ])
    ).rows;
    expect(row.metadata.actor).toBe(alice.address);
    expect(row.metadata.idempotencyKey).toMatch(new RegExp(`^sig:31337:${daoId}:${alice.address}:0x[0-9a-f]{64}$`));
    const dao = await store.load(streams.dao.of(daoId));
    expect(dao.state.status === 'Active' && [...dao.state.activeProposals]).toEqual([]);
    // The only slot (maxActiveProposals 1) is free again.
    await propose(daoId, bob);

    const late = await api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, {
      body: await signIntent(api, daoId, 'vote', { voter: bob.address, proposalId: pid, support: 'for' }, bob),
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROPOSAL.NOT_ACTIVE');
  });

  it('refuses another member, even one signing with their own key: 403 PROPOSAL.NOT_PROPOSER', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    await refused(daoId, pid, await cancellation(daoId, pid, bob), 403, 'PROPOSAL.NOT_PROPOSER');
    await refused(daoId, pid, await cancellation(daoId, pid, dave), 403, 'PROPOSAL.NOT_PROPOSER');
    expect((await api.request('GET', `/v1/daos/${daoId}/proposals/${pid}`)).body.state).toBe('Active');
  });

  it('refuses a message naming the proposer but signed by someone else: 401 SIGNATURE.INVALID', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    await refused(daoId, pid, await cancellation(daoId, pid, alice, bob), 401, 'SIGNATURE.INVALID');
  });

  it('refuses once someone voted: 409 PROPOSAL.HAS_VOTES, and the proposal stays Active', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    const vote = await api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, {
      body: await signIntent(api, daoId, 'vote', { voter: carol.address, proposalId: pid, support: 'against' }, carol),
    });
    expect(vote.status).toBe(201);
    const res = await refused(daoId, pid, await cancellation(daoId, pid, alice), 409, 'PROPOSAL.HAS_VOTES');
    expect(res.body.detail).toContain('voted');
    expect((await api.request('GET', `/v1/daos/${daoId}/proposals/${pid}`)).body.state).toBe('Active');
  });

  it('refuses a replayed signature: 409 SIGNATURE.REPLAYED; a fresh one on a canceled proposal: 409 PROPOSAL.NOT_ACTIVE', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    const body = await cancellation(daoId, pid, alice);
    expect((await cancel(daoId, pid, body)).status).toBe(201);
    await refused(daoId, pid, body, 409, 'SIGNATURE.REPLAYED');
    await refused(daoId, pid, await cancellation(daoId, pid, alice), 409, 'PROPOSAL.NOT_ACTIVE');
  });

  it('answers two copies of one signed cancellation sent at once with one 201 and one 409', async () => {
    const daoId = await createDao();
    const pid = await propose(daoId);
    const body = await cancellation(daoId, pid, alice);
    const answers = await Promise.all([cancel(daoId, pid, body), cancel(daoId, pid, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('SIGNATURE.REPLAYED');
    const canceled = (await store.readStream(streams.proposal.of(pid).streamId)).filter((e) => e.type === 'ProposalCanceled');
    expect(canceled).toHaveLength(1);
  });

  it('refuses bad input with a 4xx naming what is wrong', async () => {
    const daoId = await createDao();
    const otherDao = await createDao();
    const pid = await propose(daoId);
    const body = await cancellation(daoId, pid, alice);
    await refused(daoId, 'prop_other', body, 400, 'REQUEST.INVALID', 'message.proposalId');
    await refused(daoId, pid, { ...body, signature: '0x12' }, 400, 'REQUEST.INVALID', 'signature');
    await refused(daoId, pid, { ...body, message: { ...body.message, proposer: 'alice' } }, 400, 'REQUEST.INVALID', 'message.proposer');
    await refused(daoId, pid, { signature: body.signature }, 400, 'REQUEST.INVALID', 'message');
    const expired = await cancellation(daoId, pid, alice, alice, {
      mutate: (m: Record<string, unknown>) => ({ ...m, deadline: Math.floor(Date.now() / 1000) - 1 }),
    });
    await refused(daoId, pid, expired, 400, 'SIGNATURE.EXPIRED', 'message.deadline');
    await refused(daoId, pid, await cancellation(daoId, pid, alice, alice, { chainId: 1 }), 401, 'SIGNATURE.INVALID');
    await refused(daoId, pid, await cancellation(otherDao, pid, alice), 400, 'SIGNATURE.WRONG_DAO', 'message.dao');
    // The proposal exists, but in another DAO: as absent here as one that never existed.
    await refused(otherDao, pid, await cancellation(otherDao, pid, alice), 404, 'PROPOSAL.NOT_FOUND');
    const unknown = `prop_${'0'.repeat(28)}`;
    await refused(daoId, unknown, await cancellation(daoId, unknown, alice), 404, 'PROPOSAL.NOT_FOUND');
  });

  it('is documented in OpenAPI like the other signed writes', async () => {
    const doc = (await api.request('GET', '/docs-json')).body;
    const post = doc.paths['/v1/daos/{id}/proposals/{pid}/cancellation']?.post;
    expect(post).toBeDefined();
    expect(post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SignedProposalCancellation');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
    expect(post.description).toContain('/typed-data/proposal-cancellation');
    expect(doc.paths['/v1/daos/{id}/typed-data/proposal-cancellation']?.post).toBeDefined();
    expect(doc.components.schemas.ProposalCancellationMessage.required).toEqual(
      expect.arrayContaining(['proposer', 'proposalId', 'dao', 'nonce', 'deadline']),
    );
  });
});
