import { streams, daoDecider, fold, proposalDecider, type DaoEvent, type ProposalEvent } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { startTestApi, type TestApi, type TestResponse } from '../support/api';
import { labelledAccounts, type TestSigner } from '../support/signing';
import { chainFacts } from './support/chain-facts';
import { governance } from './support/governance-fixture';

const VOTERS = 20;
const WITHDRAWALS = 30;
const ADMIN_REPEATS = 10;

/** The API's problem answers carry a stable code. */
type Problem = { code: string };

/**
 * 100 conflicting commands on one DAO, all in flight at once: 20 members each send two opposite votes,
 * one member sends 30 withdrawals worth three times their balance, and the admin sends the same veto,
 * suspension and approval ten times each. Each command is applied once or refused; the log folds right.
 */
describe('Concurrency: 100 conflicting commands on one DAO', () => {
  let api: TestApi;
  let store: PostgresEventStore;
  beforeAll(async () => {
    api = await startTestApi();
    store = new PostgresEventStore(api.db.pool);
  });
  afterAll(() => api?.close());

  it('applies each once or refuses it with 409, and the folded log keeps every invariant', async () => {
    const g = governance(api);
    const accounts = labelledAccounts('concurrency', VOTERS + 3);
    const voters = accounts.slice(0, VOTERS);
    const [saver, target, joiner] = accounts.slice(VOTERS) as [TestSigner, TestSigner, TestSigner];
    const daoId = await g.createDao([...voters, saver, target], { access: 'hybrid', minimumDeposit: '10', smallWithdrawalLimitBps: 10000 });
    await chainFacts(store).deposit(daoId, saver.address, 1000n);
    const pid = await g.propose(daoId, voters[0], 'contested');
    const vetoed = await g.propose(daoId, voters[1], 'to veto');
    const joined = await api.request('POST', `/v1/daos/${daoId}/join-requests`, {
      body: await g.sign(daoId, 'join-request', { address: joiner.address }, joiner),
    });
    expect(joined.status).toBe(201);

    // Everything signed first, so the 100 requests leave together.
    const voteBodies = await Promise.all(voters.flatMap((v) => [g.voteBody(daoId, pid, v, 'for'), g.voteBody(daoId, pid, v, 'against')]));
    const withdrawalBodies = await Promise.all(
      Array.from({ length: WITHDRAWALS }, () => g.sign(daoId, 'withdrawal-request', { member: saver.address, amount: '100' }, saver)),
    );
    const requests: { kind: string; send: () => Promise<TestResponse> }[] = [
      ...voteBodies.map((body) => ({
        kind: 'vote',
        send: () => api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body }),
      })),
      ...withdrawalBodies.map((body) => ({
        kind: 'withdrawal',
        send: () => api.request('POST', `/v1/daos/${daoId}/withdrawal-requests`, { body }),
      })),
      ...Array.from({ length: ADMIN_REPEATS }, () => ({
        kind: 'veto',
        send: () => api.request('POST', `/v1/daos/${daoId}/proposals/${vetoed}/veto`, { admin: true, body: { reason: 'race' } }),
      })),
      ...Array.from({ length: ADMIN_REPEATS }, () => ({
        kind: 'suspension',
        send: () =>
          api.request('POST', `/v1/daos/${daoId}/members/${target.address}/suspension`, { admin: true, body: { reason: 'race' } }),
      })),
      ...Array.from({ length: ADMIN_REPEATS }, () => ({
        kind: 'approval',
        send: () => api.request('POST', `/v1/daos/${daoId}/members/${joiner.address}/approval`, { admin: true }),
      })),
    ];
    expect(requests).toHaveLength(100);
    const answers = await Promise.all(requests.map(async (r) => ({ kind: r.kind, res: await r.send() })));

    const statuses = answers.map((a) => a.res.status);
    // A withdrawal beyond the balance is the domain's 422 whether it raced or not (the same as one sent alone).
    const refusedAsAlone = (a: (typeof answers)[number]) =>
      a.kind === 'withdrawal' && a.res.status === 422 && (a.res.body as Problem).code === 'WITHDRAWAL.EXCEEDS_BALANCE';
    const unexpected = answers.filter((a) => a.res.status >= 300 && a.res.status !== 409 && !refusedAsAlone(a));
    expect(unexpected.map((a) => `${a.kind} ${a.res.status} ${(a.res.body as Problem | undefined)?.code}`)).toEqual([]);
    const applied = (kind: string) => answers.filter((a) => a.kind === kind && a.res.status < 300);

    const proposal = (await store.readStream(streams.proposal.of(pid).streamId)).map(
      (e) => ({ type: e.type, data: e.data }) as ProposalEvent,
    );
    const cast = proposal.filter((e) => e.type === 'VoteCast');
    // One ballot per voter, the one whose answer was 2xx.
    expect(cast).toHaveLength(VOTERS);
    expect(applied('vote')).toHaveLength(VOTERS);
    const state = fold(proposalDecider, proposal);
    const forVotes = BigInt(applied('vote').filter((a) => (a.res.body as { support: string }).support === 'for').length);
    expect(state.status === 'Active' && state.tally).toEqual({ for: forVotes, against: BigInt(VOTERS) - forVotes, abstain: 0n });

    const daoEvents = (await store.readStream(streams.dao.of(daoId).streamId)).map((e) => ({ type: e.type, data: e.data }) as DaoEvent);
    const dao = fold(daoDecider, daoEvents);
    const requested = daoEvents.filter((e) => e.type === 'WithdrawalRequested');
    // Never more than the balance: ten withdrawals of 100 out of 1000, whatever the interleaving.
    expect(requested).toHaveLength(applied('withdrawal').length);
    expect(applied('withdrawal').length).toBe(10);
    expect(dao.status === 'Active' && dao.members.get(saver.address)?.currentBalance).toBeGreaterThanOrEqual(0n);
    expect(daoEvents.filter((e) => e.type === 'MemberSuspended')).toHaveLength(1);
    expect(daoEvents.filter((e) => e.type === 'MemberApproved')).toHaveLength(1);
    expect(applied('suspension')).toHaveLength(1);
    expect(applied('approval')).toHaveLength(1);
    const vetoLog = (await store.readStream(streams.proposal.of(vetoed).streamId)).filter(
      (e) => e.type === 'ProposalVetoed' || e.type === 'ProposalCanceled',
    );
    expect(vetoLog).toHaveLength(1);
    expect(applied('veto')).toHaveLength(1);
    process.stdout.write(
      `concurrency: ${JSON.stringify({ requests: answers.length, applied: statuses.filter((s) => s < 300).length, refused409: statuses.filter((s) => s === 409).length, refused422: answers.filter(refusedAsAlone).length })}\n`,
    );
  });
});
