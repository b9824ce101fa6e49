import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import { HARDHAT_KEYS, signerFor, signIntent, type SignedMessage, type TestSigner } from '../../../test/support/signing';
import type { DaoView } from '../src/daos/dao.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import type { VoteView } from '../src/proposals/vote.view';

const [alice, bob, carol] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner];
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

// A signed message is used once, whether or not it changed anything: a message that changed nothing when it
// arrived must not be held back and replayed later, when the state has moved and it would.
describe('A signed message that changes nothing', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
  });
  afterAll(() => api.close());

  const votesOf = async (pid: string) =>
    (await store.readStream(streams.proposal.of(pid).streamId))
      .filter((e) => e.type === 'VoteCast')
      .map((e) => (e.data as { readonly choice: string }).choice);
  const voteBody = (daoId: string, pid: string, support: string) =>
    signIntent(api, daoId, 'vote', { voter: alice.address, proposalId: pid, support }, alice);
  const send = <T = VoteView>(daoId: string, pid: string, body: SignedMessage) =>
    api.request<T>('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body });

  it('is used up: replayed after the state changed, it is refused and changes nothing', async () => {
    const dao = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Replay', founders: [alice.address, bob.address, carol.address], allowVoteChange: true },
    });
    const daoId = dao.body.id;
    const proposal = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, {
      body: await signIntent(
        api,
        daoId,
        'proposal',
        { proposer: bob.address, type: 'CHANGE_STRATEGY', title: 'Move', payload: { strategy: STRATEGY } },
        bob,
      ),
    });
    const pid = proposal.body.id;

    expect((await send(daoId, pid, await voteBody(daoId, pid, 'for'))).status).toBe(201);
    // The same choice again, by a second message: nothing to record.
    const sameAgain = await voteBody(daoId, pid, 'for');
    const noop = await send(daoId, pid, sameAgain);
    expect(noop.status).toBe(201);
    expect(noop.body).toMatchObject({ support: 'for', castAt: null });
    // Alice changes her mind...
    expect((await send(daoId, pid, await voteBody(daoId, pid, 'against'))).status).toBe(201);
    expect(await votesOf(pid)).toEqual(['for', 'against']);

    // ...and someone replays the message that changed nothing when it came: it would now turn her vote back.
    const replay = await send<Problem>(daoId, pid, sameAgain);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SIGNATURE.REPLAYED');
    expect(await votesOf(pid)).toEqual(['for', 'against']);

    // A used message is refused, never answered again, so its claim keeps no copy of the answer (for a vote, the
    // whole proposal view): every claim this test made stores null.
    // (this test's database holds only this test's claims: the proposal and the three votes, all signed)
    const claims = await api.db.pool.query<{ response: unknown }>(`SELECT response FROM idempotency_keys`);
    expect(claims.rows).toHaveLength(4);
    expect(claims.rows.every((row) => row.response === null)).toBe(true);
  });

  it('a vote replayed where the state now refuses it is still a replay, not the refusal', async () => {
    const dao = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Replay refused', founders: [alice.address, bob.address, carol.address], allowVoteChange: true },
    });
    const daoId = dao.body.id;
    const proposal = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, {
      body: await signIntent(
        api,
        daoId,
        'proposal',
        { proposer: bob.address, type: 'CHANGE_STRATEGY', title: 'Move', payload: { strategy: STRATEGY } },
        bob,
      ),
    });
    const pid = proposal.body.id;
    const vote = await voteBody(daoId, pid, 'for');
    expect((await send(daoId, pid, vote)).status).toBe(201);
    expect((await send(daoId, pid, await voteBody(daoId, pid, 'against'))).status).toBe(201);
    // Alice is suspended: a vote from her would now be refused by the domain, but this one was used already.
    const suspended = await api.request('POST', `/v1/daos/${daoId}/members/${alice.address}/suspension`, {
      admin: true,
      body: { reason: 'audit' },
    });
    expect(suspended.status).toBe(201);
    const replay = await send<Problem>(daoId, pid, vote);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SIGNATURE.REPLAYED');
    // A fresh message from her gets the domain's refusal.
    const fresh = await send<Problem>(daoId, pid, await voteBody(daoId, pid, 'abstain'));
    expect(fresh.status).toBe(403);
    expect(await votesOf(pid)).toEqual(['for', 'against']);
  });
});
