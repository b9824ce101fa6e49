import { loadConfig } from '@ayllu/platform';
import { Pool } from 'pg';
import { startWorker, type RunningWorker } from '../../worker/src/worker';
import { startTestApi, type TestApi } from '../../../test/support/api';
import type { DaoView } from '../src/daos/dao.view';
import type { AuditPage } from '../src/governance-reads/events/list-events/list-events.controller';
import type { ProposalDetailView } from '../src/governance-reads/proposals/get-proposal/get-proposal.controller';
import type { ProposalView } from '../src/governance-reads/proposals/proposal.view';
import { HARDHAT_KEYS, signerFor, signIntent, type TestSigner } from '../../../test/support/signing';

const [alice, bob, carol] = HARDHAT_KEYS.map(signerFor) as [TestSigner, TestSigner, TestSigner];
const STRATEGY = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
};

/**
 * The whole life of two proposals over HTTP: viem-signed proposals and votes through the write routes,
 * two workers projecting and closing, everything read back through the read routes.
 */
describe('Governance lifecycle over HTTP with two workers', () => {
  let api: TestApi;
  const workers: RunningWorker[] = [];
  const pools: Pool[] = [];
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    api = await startTestApi();
    api.db.pool.on('error', () => undefined);
    for (let i = 0; i < 2; i++) {
      const pool = new Pool({ connectionString: api.db.url, max: 5 });
      // pg-pool's end() resolves before its sockets close; the database drop that follows may then
      // terminate them, which is expected at teardown and must not fail the suite.
      pool.on('error', () => undefined);
      pools.push(pool);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: api.db.url, LOG_LEVEL: 'silent' });
      workers.push(await startWorker({ config, pool, databaseUrl: api.db.url, clock, jobPollingIntervalSeconds: 0.5 }));
    }
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    for (const pool of pools) await pool.end();
    await api.close();
  });

  it('runs one proposal to Succeeded and one to Defeated, each closed exactly once', async () => {
    const created = await api.request<DaoView>('POST', '/v1/daos', {
      admin: true,
      body: { name: 'Three founders', founders: [alice, bob, carol].map((f) => f.address), votingPeriodSeconds: 60 },
    });
    expect(created.status).toBe(201);
    const daoId = created.body.id;
    const propose = async (who: TestSigner, title: string) => {
      const body = await signIntent(
        api,
        daoId,
        'proposal',
        { proposer: who.address, type: 'CHANGE_STRATEGY', title, payload: { strategy: STRATEGY } },
        who,
      );
      const res = await api.request<ProposalView>('POST', `/v1/daos/${daoId}/proposals`, { body });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const vote = async (pid: string, who: TestSigner, support: string) => {
      const body = await signIntent(api, daoId, 'vote', { voter: who.address, proposalId: pid, support, reason: support }, who);
      expect((await api.request('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, { body })).status).toBe(201);
    };
    const passing = await propose(alice, 'Move idle funds');
    const failing = await propose(bob, 'Move them again');
    for (const [who, support] of [
      [alice, 'for'],
      [bob, 'for'],
      [carol, 'against'],
    ] as const)
      await vote(passing, who, support);
    for (const [who, support] of [
      [alice, 'against'],
      [bob, 'for'],
      [carol, 'against'],
    ] as const)
      await vote(failing, who, support);

    const live = await eventually(
      () => api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals?state=Active`),
      (res) => res.body.length === 2 && res.body.every((p) => p.ballotCount === 3),
    );
    expect(live.body.map((p) => [p.id, p.tally])).toEqual([
      [passing, { for: '2', against: '1', abstain: '0' }],
      [failing, { for: '1', against: '2', abstain: '0' }],
    ]);

    // The deadline passes for the workers' clock; both workers' close jobs run, twice each, at once.
    offsetMs = 61_000;
    await Promise.all(
      workers.flatMap((w) =>
        [passing, failing, passing, failing].map((proposalId) => w.jobs.handlers.close({ daoId, proposalId, trigger: 'deadline' })),
      ),
    );

    const succeeded = await eventually(
      () => api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals?state=Succeeded`),
      (res) => res.body.length === 1,
    );
    expect(succeeded.body.map((p) => p.id)).toEqual([passing]);
    const defeated = await eventually(
      () => api.request<ProposalView[]>('GET', `/v1/daos/${daoId}/proposals?state=Defeated`),
      (res) => res.body.length === 1,
    );
    expect(defeated.body.map((p) => p.id)).toEqual([failing]);
    for (const [pid, closing] of [
      [passing, 'ProposalSucceeded'],
      [failing, 'ProposalDefeated'],
    ]) {
      const detail = await api.request<ProposalDetailView>('GET', `/v1/daos/${daoId}/proposals/${pid}`);
      expect(detail.body.timeline.map((e) => e.type)).toEqual(['ProposalSubmitted', 'VoteCast', 'VoteCast', 'VoteCast', closing]);
      expect(detail.body.timeline.at(-1)?.actor).toBe('system:scheduler');
    }
    const audit = await api.request<AuditPage>('GET', `/v1/daos/${daoId}/events?limit=1000`);
    const closings = audit.body.items.filter((e) => ['ProposalSucceeded', 'ProposalDefeated', 'ProposalSettled'].includes(e.type));
    expect(closings).toHaveLength(4);
  });
});
