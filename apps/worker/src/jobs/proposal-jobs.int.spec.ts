import type { Address } from '@ayllu/domain';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { governanceLog, isoAt, memberAddress } from '../testing/governance-log';
import { startWorker, type RunningWorker } from '../worker';

const [alice, bob, carol] = [0, 1, 2].map(memberAddress) as [Address, Address, Address];
const HOUR = 3600;
const DAY = 24 * HOUR;

const eventsOf = async (db: TestDatabase, streamId: string) =>
  (await db.pool.query<{ type: string }>('SELECT type FROM events WHERE stream_id = $1 ORDER BY version', [streamId])).rows.map(
    (r) => r.type,
  );

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('Proposal jobs (pg-boss)', () => {
  let db: TestDatabase;
  let log: ReturnType<typeof governanceLog>;
  const pools: Pool[] = [];
  const workers: RunningWorker[] = [];
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const start = async () => {
    const pool = new Pool({ connectionString: db.url, max: 5 });
    // pg-pool's end() resolves before its sockets close; the database drop that follows may then
    // terminate them, which is expected at teardown and must not fail the suite.
    pool.on('error', () => undefined);
    pools.push(pool);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
    const worker = await startWorker({ config, pool, databaseUrl: db.url, clock, jobPollingIntervalSeconds: 0.5 });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    db.pool.on('error', () => undefined);
    log = governanceLog(new PostgresEventStore(db.pool));
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    for (const pool of pools) await pool.end();
    await db.drop();
  });

  it('closes each proposal exactly once with two workers running: one to Succeeded, one to Defeated', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    // Submitted two hours ago with a one-hour vote: the deadline has passed by the time the workers see it.
    const daoId = await log.createDao({ founders: [alice, bob, carol], votingPeriodSeconds: HOUR }, isoAt(-3 * HOUR));
    const passing = await log.submitProposal(daoId, alice, { type: 'CHANGE_STRATEGY', payload: { strategy: carol } }, isoAt(-2 * HOUR));
    const failing = await log.submitProposal(
      daoId,
      bob,
      { type: 'UPGRADE_CONTRACT', payload: { implementation: carol } },
      isoAt(-2 * HOUR),
    );
    for (const [voter, choice] of [
      [alice, 'for'],
      [bob, 'for'],
      [carol, 'against'],
    ] as const)
      await log.vote(daoId, passing, voter, choice, isoAt(-1.5 * HOUR));
    for (const [voter, choice] of [
      [alice, 'against'],
      [bob, 'for'],
      [carol, 'against'],
    ] as const)
      await log.vote(daoId, failing, voter, choice, isoAt(-1.5 * HOUR));

    // The failing proposal is left to the scheduled job alone; on the passing one both workers' handlers
    // race the job, twice each: still one closing event.
    const race = { daoId, proposalId: passing, trigger: 'deadline' } as const;
    const outcomes = await Promise.all([first, second, first, second].map((w) => w.jobs.handlers.close(race)));
    // Whoever comes first closes; the scheduled job may well have been first.
    expect(outcomes.every((o) => o === 'appended' || o === 'nothing-to-do')).toBe(true);
    await waitFor(async () => {
      const { rows } = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'proposal.close' AND state = 'completed'`,
      );
      return rows[0].n === 2;
    });
    await waitFor(async () => (await eventsOf(db, streams.proposal.of(failing).streamId)).includes('ProposalDefeated'));

    expect(await eventsOf(db, streams.proposal.of(passing).streamId)).toEqual([
      'ProposalSubmitted',
      'VoteCast',
      'VoteCast',
      'VoteCast',
      'ProposalSucceeded',
    ]);
    expect(await eventsOf(db, streams.proposal.of(failing).streamId)).toEqual([
      'ProposalSubmitted',
      'VoteCast',
      'VoteCast',
      'VoteCast',
      'ProposalDefeated',
    ]);
    const settled = await db.pool.query<{ outcome: string }>(
      `SELECT data->>'outcome' AS outcome FROM events WHERE stream_id = $1 AND type = 'ProposalSettled' ORDER BY version`,
      [streams.dao.of(daoId).streamId],
    );
    expect(settled.rows.map((r) => r.outcome).sort()).toEqual(['Defeated', 'Succeeded']);

    // Scheduled once per proposal, though two process managers saw the submissions.
    const jobs = await db.pool.query<{ name: string; singleton_key: string }>(
      `SELECT name, singleton_key FROM pgboss.job ORDER BY name, singleton_key`,
    );
    expect(jobs.rows).toEqual(
      expect.arrayContaining([
        { name: 'proposal.close', singleton_key: `close:deadline:${passing}` },
        { name: 'proposal.close', singleton_key: `close:deadline:${failing}` },
        { name: 'proposal.expire', singleton_key: `expire:deadline:${passing}` },
      ]),
    );
    expect(jobs.rows.filter((j) => j.name === 'proposal.close')).toHaveLength(2);
    await first.log.catchUp();
    const states = await db.pool.query<{ id: string; state: string }>('SELECT id, state FROM rm_proposals WHERE dao_id = $1', [daoId]);
    expect(Object.fromEntries(states.rows.map((r) => [r.id, r.state]))).toEqual({ [passing]: 'Succeeded', [failing]: 'Defeated' });
  });

  it('reminds once 24 h before the end, refuses to close before the deadline, and expires an unqueued success', async () => {
    const worker = workers[0] ?? (await start());
    const daoId = await log.createDao({ founders: [alice, bob, carol], votingPeriodSeconds: 3 * DAY }, isoAt(-60));
    const proposalId = await log.submitProposal(daoId, alice, { type: 'CHANGE_STRATEGY', payload: { strategy: bob } }, isoAt(0));
    const job = { daoId, proposalId, trigger: 'deadline' } as const;
    await waitFor(async () => {
      const { rows } = await db.pool.query(`SELECT start_after FROM pgboss.job WHERE name = 'proposal.remind' AND singleton_key = $1`, [
        `remind:deadline:${proposalId}`,
      ]);
      return rows.length === 1;
    });

    expect(await worker.jobs.handlers.close(job)).toBe('not-due');
    expect(await worker.jobs.handlers.remind(job)).toBe('not-due');
    offsetMs = 2 * DAY * 1000 + 5_000;
    expect(await worker.jobs.handlers.remind(job)).toBe('appended');
    expect(await worker.jobs.handlers.remind(job)).toBe('nothing-to-do');
    for (const voter of [alice, bob]) await log.vote(daoId, proposalId, voter, 'for', clock().toISOString());
    offsetMs = 3 * DAY * 1000 + 5_000;
    expect(await worker.jobs.handlers.close(job)).toBe('appended');
    expect(await worker.jobs.handlers.expire(job)).toBe('not-due');
    offsetMs = 10 * DAY * 1000 + 10_000;
    expect(await worker.jobs.handlers.expire(job)).toBe('appended');
    expect(await worker.jobs.handlers.expire(job)).toBe('nothing-to-do');
    expect(await eventsOf(db, streams.proposal.of(proposalId).streamId)).toEqual([
      'ProposalSubmitted',
      'ProposalReminderDue',
      'VoteCast',
      'VoteCast',
      'ProposalSucceeded',
      'ProposalExpired',
    ]);
    offsetMs = 0;
  });
});
