import type { Address } from '@ayllu/domain';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { LogProcessor } from '../../worker/src/processing/log-processor';
import { PROJECTIONS } from '../../worker/src/projections/projections';
import { governanceLog, isoAt, memberAddress } from '../../worker/src/testing/governance-log';
import { expect } from '@jest/globals';
import { startTestApi, type Problem, type TestApi, type TestResponse } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { AuditPage } from '../src/governance-reads/events/list-events/list-events.controller';
import type { MemberPage } from '../src/governance-reads/members/list-members/list-members.controller';
import type { MemberView } from '../src/governance-reads/members/member.view';
import type { ProposalDetailView } from '../src/governance-reads/proposals/get-proposal/get-proposal.controller';
import type { EligibleVoterPage } from '../src/governance-reads/proposals/list-eligible-voters/list-eligible-voters.controller';
import type { BallotView } from '../src/governance-reads/proposals/list-votes/list-votes.controller';
import type { EligibleVoterView, ProposalView } from '../src/governance-reads/proposals/proposal.view';

const [alice, bob, carol, dave, erin] = [0, 1, 2, 3, 4].map(memberAddress) as [Address, Address, Address, Address, Address];
const pause = () => new Promise((r) => setTimeout(r, 30));

describe('Governance reads over HTTP', () => {
  let api: TestApi;
  let log: ReturnType<typeof governanceLog>;
  let project: () => Promise<void>;
  let daoId: string;
  let otherDaoId: string;
  let proposalId: string;
  const marks: Record<string, string> = {};
  const lastPosition = async () => (await api.db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p;

  beforeAll(async () => {
    api = await startTestApi();
    const store = new PostgresEventStore(api.db.pool);
    log = governanceLog(store);
    const runner = new LogProcessor(api.db.pool, store, PROJECTIONS);
    project = () => runner.catchUp();

    marks.beforeCreation = new Date().toISOString();
    await pause();
    daoId = await log.createDao({ founders: [alice, bob, carol], votingType: 'weighted', allowVoteChange: true }, isoAt(-7200));
    await log.deposit(daoId, alice, 1000n, isoAt(-7100));
    await log.deposit(daoId, bob, 600n, isoAt(-7100));
    await log.deposit(daoId, carol, 400n, isoAt(-7100));
    marks.afterDeposits = await lastPosition();
    await pause();
    marks.timeAfterDeposits = new Date().toISOString();
    await pause();
    await log.requestToJoin(daoId, dave, isoAt(-7000));
    proposalId = await log.submitProposal(
      daoId,
      alice,
      { type: 'CHANGE_STRATEGY', payload: { strategy: erin }, description: 'Move idle funds' },
      isoAt(-6000),
    );
    await log.vote(daoId, proposalId, bob, 'against', isoAt(-5900));
    marks.afterFirstVote = await lastPosition();
    await log.vote(daoId, proposalId, bob, 'for', isoAt(-5800));
    await log.vote(daoId, proposalId, carol, 'abstain', isoAt(-5700));
    otherDaoId = await log.createDao({ founders: [erin] }, isoAt(-5000));
    await project();
  });
  afterAll(() => api.close());

  describe('members', () => {
    it('lists status, balance, weight and why', async () => {
      const res = await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.map((m) => [m.address, m.status, m.balance, m.weight, m.weightReason])).toEqual([
        ...[
          [alice, '1000'],
          [bob, '600'],
          [carol, '400'],
        ]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([a, n]) => [a, 'ACTIVE', n, n, `weighted: current balance ${n} (smallest unit)`]),
        [dave, 'PENDING', '0', '0', 'pending: only ACTIVE members carry weight'],
      ]);
    });

    it('answers the same from the log (asOf now) as from the read model', async () => {
      const projected = await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members`);
      const folded = await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members?asOf=${await lastPosition()}`);
      expect(folded.body).toEqual(projected.body);
      const one = await api.request<MemberView>(
        'GET',
        `/v1/daos/${daoId}/members/${bob}?asOf=${new Date(Date.now() + 60_000).toISOString()}`,
      );
      expect(one.body).toEqual(projected.body.items.find((m) => m.address === bob));
    });

    it('pages through the members with limit and nextCursor, alike from the read model and from the log', async () => {
      const all = (await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members`)).body.items.map((m) => m.address);
      expect(all).toHaveLength(4);
      const walk = async (asOf: string) => {
        const seen: string[][] = [];
        let cursor: string | null = null;
        do {
          const query: string = `limit=3${cursor ? `&cursor=${cursor}` : ''}${asOf}`;
          const page: TestResponse<MemberPage> = await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members?${query}`);
          expect(page.status).toBe(200);
          seen.push(page.body.items.map((m) => m.address));
          cursor = page.body.nextCursor;
        } while (cursor !== null);
        return seen;
      };
      // Three founders joined at creation (ordered by address), then the pending request (never joined) last.
      expect(await walk('')).toEqual([all.slice(0, 3), all.slice(3)]);
      expect(await walk(`&asOf=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([all.slice(0, 3), all.slice(3)]);
      const one = await api.request<MemberPage>('GET', `/v1/daos/${daoId}/members?limit=4`);
      expect(one.body.nextCursor).toBeNull();
    });

    it('refuses a limit out of range and any cursor this endpoint did not write, naming the field', async () => {
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const cases: [string, string][] = [
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['cursor=not*a*cursor', 'cursor'],
        [`cursor=${Buffer.from('["2026-01-01T00:00:00.000Z","\u0000"]').toString('base64url')}`, 'cursor'],
        [`cursor=${Buffer.from('\u0000').toString('base64url')}`, 'cursor'],
        [`cursor=${forged(['2026-02-31T00:00:00.000Z', alice])}`, 'cursor'],
        [`cursor=${forged([null, alice.toLowerCase()])}`, 'cursor'],
        [`cursor=${forged({ joinedAt: null, address: alice })}`, 'cursor'],
        [`cursor=${forged([null, alice])}=`, 'cursor'],
      ];
      for (const [query, field] of cases) {
        const res = await api.request<Problem>('GET', `/v1/daos/${daoId}/members?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
      }
    });

    it('reads one member in any letter case, and as it was before its deposit', async () => {
      const now = await api.request<MemberView>('GET', `/v1/daos/${daoId}/members/${alice.toLowerCase()}`);
      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({ address: alice, status: 'ACTIVE', balance: '1000', totalDeposited: '1000', weight: '1000' });
      const before = await api.request<Problem>('GET', `/v1/daos/${daoId}/members/${dave}?asOf=${marks.afterDeposits}`);
      expect(before.status).toBe(404);
      expect(before.body.code).toBe('MEMBER.NOT_FOUND');
    });

    it('refuses a malformed address and answers 404 for a stranger or an unknown DAO', async () => {
      const bad = await api.request<Problem>('GET', `/v1/daos/${daoId}/members/0x123`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'address' })]);
      expect((await api.request('GET', `/v1/daos/${daoId}/members/${erin}`)).status).toBe(404);
      const unknown = await api.request<Problem>('GET', `/v1/daos/dao_${'0'.repeat(28)}/members`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('DAO.NOT_FOUND');
    });
  });

  describe('time travel on the DAO', () => {
    it('shows the DAO as of a time or a position, and refuses bad asOf values naming the field', async () => {
      expect((await api.request('GET', `/v1/daos/${daoId}?asOf=${marks.beforeCreation}`)).status).toBe(404);
      const then = await api.request<DaoView>('GET', `/v1/daos/${daoId}?asOf=${marks.timeAfterDeposits}`);
      expect(then.status).toBe(200);
      expect(then.body).toMatchObject({ id: daoId, votingType: 'weighted', memberCount: 3 });
      const now = await api.request<DaoView>('GET', `/v1/daos/${daoId}`);
      expect(now.body.memberCount).toBe(3);
      for (const asOf of ['yesterday', '2026-13-45T00:00:00Z', '-1', '2026-01-01']) {
        const res = await api.request<Problem>('GET', `/v1/daos/${daoId}?asOf=${encodeURIComponent(asOf)}`);
        expect(res.status).toBe(400);
        expect(res.body.errors?.map((e) => e.field)).toEqual(['asOf']);
      }
      const future = await api.request<Problem>('GET', `/v1/daos/${daoId}?asOf=999999999999`);
      expect(future.status).toBe(400);
      expect(future.body.errors?.[0]?.field).toBe('asOf');
    });
  });

  describe('proposals', () => {
    it('lists proposals with frozen rules, live tally and state, filtered by state', async () => {
      const all = await api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals`);
      expect(all.status).toBe(200);
      expect(all.body).toEqual([
        expect.objectContaining({
          id: proposalId,
          daoId,
          type: 'CHANGE_STRATEGY',
          payload: { strategy: erin },
          proposer: alice,
          state: 'Active',
          tally: { for: '600', against: '0', abstain: '400' },
          rules: expect.objectContaining({
            votingType: 'weighted',
            quorumBps: 5100,
            thresholdBps: 5000,
            totalEligibleWeight: '2000',
            eligibleVoterCount: 3,
          }),
        }),
      ]);
      expect((await api.request('GET', `/v1/daos/${daoId}/proposals?state=Active`)).body).toHaveLength(1);
      expect((await api.request('GET', `/v1/daos/${daoId}/proposals?state=Succeeded`)).body).toEqual([]);
      const folded = await api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals?asOf=${await lastPosition()}`);
      expect(folded.body).toEqual(all.body);
      expect((await api.request('GET', `/v1/daos/${daoId}/proposals?asOf=${marks.afterDeposits}`)).body).toEqual([]);
    });

    it('refuses an unknown state naming the field', async () => {
      const res = await api.request<Problem>('GET', `/v1/daos/${daoId}/proposals?state=Passed`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);
    });

    it('shows one proposal with its voter count, tally and a timeline of every event; asOf rewinds the tally', async () => {
      const res = await api.request<ProposalDetailView>('GET', `/v1/daos/${daoId}/proposals/${proposalId}`);
      expect(res.status).toBe(200);
      expect(res.body.rules.eligibleVoterCount).toBe(3);
      expect(res.body.rules).not.toHaveProperty('eligibleVoters');
      expect(res.body.timeline[0].type).toBe('ProposalSubmitted');
      expect(res.body.timeline[0].data).toMatchObject({ proposalId, totalEligibleWeight: '2000' });
      expect(res.body.timeline[0].data).not.toHaveProperty('eligibleVoters');
      expect(res.body.timeline.map((e) => e.type)).toEqual(['ProposalSubmitted', 'VoteCast', 'VoteCast', 'VoteCast']);
      expect(res.body.timeline[1]).toMatchObject({ actor: bob, data: { voter: bob, choice: 'against', weight: '600' } });
      const then = await api.request<ProposalDetailView>('GET', `/v1/daos/${daoId}/proposals/${proposalId}?asOf=${marks.afterFirstVote}`);
      expect(then.body.tally).toEqual({ for: '0', against: '600', abstain: '0' });
      expect(then.body.timeline).toHaveLength(2);
    });

    it('pages through the eligible voters with their frozen weights, by address, with Link headers', async () => {
      const expected = [
        [alice, '1000'],
        [bob, '600'],
        [carol, '400'],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const seen: EligibleVoterView[] = [];
      let next: string | null = `/v1/daos/${daoId}/proposals/${proposalId}/eligible-voters?limit=2`;
      let pages = 0;
      while (next !== null) {
        const page: TestResponse<EligibleVoterPage> = await api.request<EligibleVoterPage>('GET', next);
        expect(page.status).toBe(200);
        seen.push(...page.body.items);
        pages++;
        const link = page.headers.get('link');
        expect(link === null).toBe(page.body.nextCursor === null);
        next = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1];
        if (next !== null) expect(next).toContain(`cursor=${page.body.nextCursor}`);
      }
      expect(pages).toBe(2);
      expect(seen.map((v) => [v.voter, v.weight])).toEqual(expected);
      // dave asked to join after the proposal was submitted: not eligible; bob in any letter case is.
      const byVoter = (voter: string) =>
        api.request<EligibleVoterPage>('GET', `/v1/daos/${daoId}/proposals/${proposalId}/eligible-voters?voter=${voter}`);
      expect((await byVoter(bob.toLowerCase())).body).toEqual({ items: [{ voter: bob, weight: '600' }], nextCursor: null });
      expect((await byVoter(dave)).body).toEqual({ items: [], nextCursor: null });
      for (const [query, field] of [
        ['voter=0x12', 'voter'],
        ['limit=0', 'limit'],
        ['cursor=not*a*cursor', 'cursor'],
        [`cursor=${Buffer.from(JSON.stringify([bob.toLowerCase()])).toString('base64url')}`, 'cursor'],
      ]) {
        const res = await api.request<Problem>('GET', `/v1/daos/${daoId}/proposals/${proposalId}/eligible-voters?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
      }
      expect((await api.request('GET', `/v1/daos/${otherDaoId}/proposals/${proposalId}/eligible-voters`)).status).toBe(404);
    });

    it('pages proposals and ballots with limit, an opaque cursor and Link rel="next"', async () => {
      const first = await api.request<BallotView[]>('GET', `/v1/daos/${daoId}/proposals/${proposalId}/votes?limit=2`);
      expect(first.body).toHaveLength(2);
      const link = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link') ?? '');
      expect(link).not.toBeNull();
      const second = await api.request<BallotView[]>('GET', link![1]);
      expect(second.body.map((b) => [b.voter, b.choice])).toEqual([[carol, 'abstain']]);
      expect(second.headers.get('link')).toBeNull();
      const proposals = await api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals?limit=1`);
      expect(proposals.body.map((p) => p.id)).toEqual([proposalId]);
      expect(proposals.headers.get('link')).toBeNull();
      const bad = await api.request<Problem>(
        'GET',
        `/v1/daos/${daoId}/proposals/${proposalId}/votes?cursor=${Buffer.from('["x"]').toString('base64url')}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['cursor']);
    });

    it('lists every ballot, the superseded one marked replaced', async () => {
      const res = await api.request<BallotView[]>('GET', `/v1/daos/${daoId}/proposals/${proposalId}/votes`);
      expect(res.status).toBe(200);
      expect(res.body.map((b) => [b.voter, b.choice, b.replaces, b.replaced])).toEqual([
        [bob, 'against', null, true],
        [bob, 'for', 'against', false],
        [carol, 'abstain', null, false],
      ]);
    });

    it('answers 404 for an unknown proposal or one of another DAO', async () => {
      expect((await api.request<Problem>('GET', `/v1/daos/${daoId}/proposals/prop_nope`)).body.code).toBe('PROPOSAL.NOT_FOUND');
      expect((await api.request('GET', `/v1/daos/${otherDaoId}/proposals/${proposalId}`)).status).toBe(404);
      expect((await api.request('GET', `/v1/daos/${otherDaoId}/proposals/${proposalId}/votes`)).status).toBe(404);
    });
  });

  describe('audit log', () => {
    it("pages through the DAO's and its proposals' events only, in order", async () => {
      const seen: { streamId: string; type: string; position: string }[] = [];
      let after: string | null = '0';
      for (;;) {
        const page: TestResponse<AuditPage> = await api.request<AuditPage>('GET', `/v1/daos/${daoId}/events?after=${after}&limit=3`);
        expect(page.status).toBe(200);
        if (page.body.items.length === 0) break;
        seen.push(...page.body.items);
        after = page.body.nextAfter;
      }
      // The same walk with the opaque cursor, following the Link headers.
      const linked: string[] = [];
      let next: string | null = `/v1/daos/${daoId}/events?limit=4`;
      while (next !== null) {
        const page: TestResponse<AuditPage> = await api.request<AuditPage>('GET', next);
        expect(page.status).toBe(200);
        linked.push(...page.body.items.map((e) => e.position));
        const link = page.headers.get('link');
        next = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1];
      }
      expect(linked).toEqual(seen.map((e) => e.position));
      expect(seen.map((e) => e.type)).toEqual([
        'DaoCreated',
        'DepositConfirmed',
        'DepositConfirmed',
        'DepositConfirmed',
        'MemberJoinRequested',
        'ProposalOpened',
        'ProposalSubmitted',
        'VoteCast',
        'VoteCast',
        'VoteCast',
      ]);
      expect(new Set(seen.map((e) => e.streamId))).toEqual(
        new Set([streams.dao.of(daoId).streamId, streams.proposal.of(proposalId).streamId]),
      );
    });

    it('refuses a bad limit or position naming the field', async () => {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['limit=ten', 'limit'],
        ['after=-4', 'after'],
        ['after=999999999999', 'after'],
      ]) {
        const res = await api.request<Problem>('GET', `/v1/daos/${daoId}/events?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
      }
      expect((await api.request('GET', `/v1/daos/dao_${'1'.repeat(28)}/events`)).status).toBe(404);
    });
  });
});
