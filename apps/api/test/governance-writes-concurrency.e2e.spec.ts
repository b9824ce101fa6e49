import { streams, fold, proposalDecider, type ProposalEvent } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { startTestApi, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import type { VoteView } from '../src/proposals/vote.view';
import { hardhatAccounts, signIntent } from '../../../test/support/signing';

const MEMBERS = 50;
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

describe('50 members voting on one proposal at the same moment', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('records every vote exactly once and the tally folded from the log is exact', async () => {
    const members = hardhatAccounts(MEMBERS);
    const created = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Fifty', founders: members.map((m) => m.address) },
    });
    expect(created.status).toBe(201);
    const daoId = created.body.id;
    const proposer = members[0];
    const proposal = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, {
      body: await signIntent(
        api,
        daoId,
        'proposal',
        { proposer: proposer.address, type: 'CHANGE_STRATEGY', title: 'Fifty', payload: { strategy: STRATEGY } },
        proposer,
      ),
    });
    expect(proposal.status).toBe(201);
    const pid = proposal.body.id;
    expect(proposal.body.rules.totalEligibleWeight).toBe(String(MEMBERS));

    // 30 for, 15 against, 5 abstain: every ballot signed first, then all sent at once.
    const support = (i: number) => (i < 30 ? 'for' : i < 45 ? 'against' : 'abstain');
    const bodies = await Promise.all(
      members.map((m, i) => signIntent(api, daoId, 'vote', { voter: m.address, proposalId: pid, support: support(i) }, m)),
    );
    const answers = await Promise.all(
      bodies.map((body) => api.request<VoteView>('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body })),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(MEMBERS).fill(201));
    const events = (await new PostgresEventStore(api.db.pool).readStream(streams.proposal.of(pid).streamId)).map(
      (e) => ({ type: e.type, data: e.data }) as ProposalEvent,
    );
    const cast = events.filter((e) => e.type === 'VoteCast');
    expect(cast).toHaveLength(MEMBERS);
    expect(new Set(cast.map((e) => (e.type === 'VoteCast' ? e.data.voter : '')))).toEqual(new Set(members.map((m) => m.address)));
    const state = fold(proposalDecider, events);
    expect(state.status).toBe('Active');
    expect(state.status === 'Active' && state.tally).toEqual({ for: 30n, against: 15n, abstain: 5n });
    // The last answer to commit saw every ballot before it.
    expect(answers.map((a) => a.body.proposal.ballotCount)).toContain(MEMBERS);
  });
});
