import { randomUUID } from 'node:crypto';
import type { Hash } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { outboxAgainstLog } from '../../../test/faults/support/outbox-check';
import { outboxProjection } from '../src/notifications/outbox/outbox.projection';
import { LogProcessor } from '../src/processing/log-processor';
import { memberAddress } from '../src/testing/governance-log';
import { roscaLog } from '../src/testing/rosca-log';

const [a, b] = [20, 21].map(memberAddress);
const DAY = 24 * 3600;
const base = Math.floor(Date.now() / 1000) * 1000 - 30 * DAY * 1000;
const t = (seconds: number) => new Date(base + seconds * 1000).toISOString();
const TX: Hash = `0x${'cd'.repeat(32)}`;

describe('Rotating-pool notifications through the outbox', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("finds the pool's DAO in its stream, sends the reminder and the recipient's own notice, and the payout with its tx hash", async () => {
    const store = new PostgresEventStore(db.pool);
    const daoId = `dao_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
    await db.pool.query(
      `INSERT INTO webhook_endpoints (id, dao_id, url, event_types, format, status, secret_encrypted, created_at, updated_at)
       VALUES ('ep-1', $1, 'https://example.test/hook', NULL, 'standard', 'active', 'x', now() - interval '1 hour', now())`,
      [daoId],
    );
    const { run } = roscaLog(store, 'rosca_n1');
    const w = 'system:worker';
    await run(
      'CreateRotatingPool',
      {
        poolId: 'rosca_n1',
        daoId,
        organiser: memberAddress(99),
        contributionAmount: 100n,
        rotationIntervalSeconds: 7 * DAY,
        memberCount: 2,
        startDate: t(0),
      },
      t(-DAY),
      'admin:test',
    );
    for (const m of [a, b]) await run('JoinRotatingPool', { member: m, collateral: 0n }, t(-DAY), w);
    await run('ConfirmRotatingPoolEffect', { key: 'begin', txHash: TX, deferred: [] }, t(-DAY), w);
    await run('AnnounceRound', { round: 0 }, t(-3600), w);
    await run('PayContribution', { member: a, round: 0, amount: 100n }, t(0), w);
    await run('MarkContributionsLate', { round: 0 }, t(60), w);
    await run('PayContribution', { member: b, round: 0, amount: 105n }, t(3 * DAY), w);
    await run('SettleRound', { round: 0 }, t(3 * DAY), w);
    await run('ConfirmRotatingPoolEffect', { key: 'round-0', txHash: TX, deferred: [] }, t(3 * DAY + 60), w);

    const log = new LogProcessor(db.pool, store, [outboxProjection(() => new Date())]);
    await log.catchUp();
    const { rows } = await db.pool.query<{ type: string; dao_id: string; payload: { data: Record<string, unknown> } }>(
      `SELECT type, dao_id, payload FROM notifications ORDER BY log_position, type`,
    );
    expect(rows.every((r) => r.dao_id === daoId)).toBe(true);
    expect(rows.map((r) => r.type)).toEqual([
      'rosca.pool_started',
      'rosca.payment_due',
      'rosca.payout_round',
      'rosca.contribution_paid',
      'rosca.contributions_late',
      'rosca.contribution_paid',
      'rosca.contribution_penalized',
      'rosca.payout_sent',
    ]);
    expect(rows[1].payload.data).toMatchObject({ poolId: 'rosca_n1', round: 0, dueAt: t(0), amount: '100', recipient: a });
    expect(rows[2].payload.data).toMatchObject({ member: a });
    // Two members, no collateral: a's round-1 contribution is held back from their payout (205 - 100).
    expect(rows[7].payload.data).toMatchObject({ round: 0, kind: 'payout', recipient: a, amount: '105', txHash: TX });
    // The fault suites' check derives the same rows from the log: none lost, none doubled.
    expect(await outboxAgainstLog(db.pool)).toMatchObject({ missing: [], unexpected: [], expected: 8 });
    await log.catchUp();
    expect((await db.pool.query('SELECT 1 FROM notifications')).rowCount).toBe(8);
  });
});
