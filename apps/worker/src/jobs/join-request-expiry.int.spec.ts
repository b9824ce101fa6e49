import type { Address } from '@ayllu/domain';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { governanceLog, isoAt, memberAddress } from '../testing/governance-log';
import { startWorker, type RunningWorker } from '../worker';

const [alice, bob, carol, dave] = [0, 1, 2, 3].map(memberAddress) as [Address, Address, Address, Address];

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('Join requests lapse (pg-boss job per request)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let worker: RunningWorker;
  let log: ReturnType<typeof governanceLog>;

  beforeAll(async () => {
    db = await createTestDatabase();
    db.pool.on('error', () => undefined);
    pool = new Pool({ connectionString: db.url, max: 5 });
    pool.on('error', () => undefined);
    log = governanceLog(new PostgresEventStore(db.pool));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent', JOIN_REQUEST_TTL_SECONDS: '60' });
    worker = await startWorker({ config, pool, databaseUrl: db.url, jobPollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await worker?.stop();
    await pool?.end();
    await db.drop();
  });

  const daoEvents = async (daoId: string) =>
    (
      await db.pool.query<{ type: string; member: string }>(
        `SELECT type, data->>'member' AS member FROM events WHERE stream_id = $1 ORDER BY version`,
        [streams.dao.of(daoId).streamId],
      )
    ).rows;
  const memberStatus = async (daoId: string, member: Address) =>
    (await db.pool.query<{ status: string }>('SELECT status FROM rm_members WHERE dao_id = $1 AND address = $2', [daoId, member])).rows[0]
      ?.status;

  it('an untouched request lapses after JOIN_REQUEST_TTL_SECONDS: the requester is REMOVED; one acted on (a deposit), or younger, stays', async () => {
    const t0 = Date.now();
    const [longAgo, now] = [isoAt(-120, t0), isoAt(0, t0)];
    const daoId = await log.createDao({ founders: [alice], access: 'hybrid' }, isoAt(-3600, t0));
    await log.requestToJoin(daoId, bob, longAgo); // untouched, past the minute
    await log.requestToJoin(daoId, carol, longAgo); // has deposited meanwhile (awaiting an admin's approval)
    await log.deposit(daoId, carol, 5n, isoAt(-100, t0));
    await log.requestToJoin(daoId, dave, now); // younger than the minute
    await waitFor(async () => (await daoEvents(daoId)).some((e) => e.type === 'MemberJoinRequestExpired'));
    await waitFor(async () => (await memberStatus(daoId, bob)) === 'REMOVED');
    // Carol's job ran too (its time had come) and appended nothing.
    await waitFor(async () => {
      const { rows } = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'member.join-request-expiry' AND state = 'completed'`,
      );
      return rows[0].n === 2;
    });
    expect((await daoEvents(daoId)).filter((e) => e.type === 'MemberJoinRequestExpired')).toEqual([
      { type: 'MemberJoinRequestExpired', member: bob },
    ]);
    expect(await memberStatus(daoId, carol)).toBe('PENDING');
    expect(await memberStatus(daoId, dave)).toBe('PENDING');
    // Dave's job waits for its time; run early, it is refused as not due and retried later.
    const job = { daoId, member: dave, requestedAt: now, afterSeconds: 60 };
    expect(await worker.jobs.expireJoinRequest(job)).toBe('not-due');
    // Bob may ask again; the lapse of his old request does not touch the new one.
    await log.requestToJoin(daoId, bob, new Date().toISOString());
    expect(await worker.jobs.expireJoinRequest({ daoId, member: bob, requestedAt: longAgo, afterSeconds: 60 })).toBe('nothing-to-do');
    await worker.log.catchUp();
    await waitFor(async () => (await memberStatus(daoId, bob)) === 'PENDING');
  });
});
