import type { Address } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { expect } from '@jest/globals';
import { LogProcessor } from '../../worker/src/processing/log-processor';
import { PROJECTIONS } from '../../worker/src/projections/projections';
import { governanceLog, isoAt, memberAddress } from '../../worker/src/testing/governance-log';
import { startTestApi, type TestApi } from '../../../test/support/api';
import type { ProposalDetailView } from '../src/governance-reads/proposals/get-proposal/get-proposal.controller';
import type { MemberView } from '../src/governance-reads/members/member.view';
import { EVENT_STORE } from '../src/shared/tokens';

const [alice, bob, carol, erin] = [0, 1, 2, 4].map(memberAddress) as [Address, Address, Address, Address];
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('Cached reads: ETag, 304 and freshness', () => {
  let api: TestApi;
  let ownLog: ReturnType<typeof governanceLog>;
  let otherLog: ReturnType<typeof governanceLog>;
  let project: () => Promise<void>;
  let daoId: string;
  let proposalId: string;
  const proposalPath = () => `/v1/daos/${daoId}/proposals/${proposalId}`;

  beforeAll(async () => {
    api = await startTestApi();
    // Appends through the API's own store are this process's writes; another store on the pool is another process's.
    ownLog = governanceLog(api.app.get<PostgresEventStore>(EVENT_STORE));
    const other = new PostgresEventStore(api.db.pool);
    otherLog = governanceLog(other);
    const runner = new LogProcessor(api.db.pool, other, PROJECTIONS);
    project = () => runner.catchUp();
    daoId = await otherLog.createDao({ founders: [alice, bob, carol] }, isoAt(-7200));
    proposalId = await otherLog.submitProposal(daoId, alice, { type: 'CHANGE_STRATEGY', payload: { strategy: erin } }, isoAt(-6000));
    await project();
  });
  afterAll(() => api.close());

  it('tags a read with an ETag and answers 304 to it, without a body, until something changes', async () => {
    let first = await api.request<ProposalDetailView>('GET', proposalPath());
    await until(async () => {
      first = await api.request<ProposalDetailView>('GET', proposalPath());
      return first.headers.get('etag') !== null;
    });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[^"]+"$/);
    const again = await api.request('GET', proposalPath(), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    const cached = await api.request<ProposalDetailView>('GET', proposalPath());
    expect(cached.body).toEqual(first.body);
    expect(cached.headers.get('etag')).toBe(etag);
    expect((await api.request('GET', proposalPath(), { headers: { 'if-none-match': 'W/"other", ' + etag } })).status).toBe(304);
    expect((await api.request('GET', proposalPath(), { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
  });

  it("reads this process's write at once: an acknowledged vote is never answered from before it, nor with a 304", async () => {
    await until(async () => (await api.request('GET', proposalPath())).headers.get('etag') !== null);
    const before = await api.request<ProposalDetailView>('GET', proposalPath());
    const etag = before.headers.get('etag')!;
    expect(before.body.ballotCount).toBe(0);
    await ownLog.vote(daoId, proposalId, bob, 'for', isoAt(-5900));
    const after = await api.request<ProposalDetailView>('GET', proposalPath(), { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.body.ballotCount).toBe(1);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it("sees another process's write once its NOTIFY arrives, and a read model's answer once the projection has it", async () => {
    // Read-model answers are cached and tagged only while the projections have caught up with the log.
    expect((await api.request('GET', `/v1/daos/${daoId}/members/${carol}`)).headers.get('etag')).toBeNull();
    await project();
    await until(async () => (await api.request('GET', `/v1/daos/${daoId}/members/${carol}`)).headers.get('etag') !== null);
    const member = await api.request<MemberView>('GET', `/v1/daos/${daoId}/members/${carol}`);
    expect(member.body.balance).toBe('0');
    await otherLog.deposit(daoId, carol, 400n, isoAt(-5000));
    // Not projected yet: the read model says 0 still, as it did before this cache; once projected, 400.
    await project();
    await until(async () => (await api.request<MemberView>('GET', `/v1/daos/${daoId}/members/${carol}`)).body.balance === '400', 2000);
    await otherLog.vote(daoId, proposalId, carol, 'against', isoAt(-4900));
    await until(async () => (await api.request<ProposalDetailView>('GET', proposalPath())).body.ballotCount === 2, 2000);
  });

  it('builds the answer afresh for Cache-Control: no-cache', async () => {
    await otherLog.vote(daoId, proposalId, alice, 'for', isoAt(-4800));
    const fresh = await api.request<ProposalDetailView>('GET', proposalPath(), { headers: { 'cache-control': 'no-cache' } });
    expect(fresh.body.ballotCount).toBe(3);
  });
});
