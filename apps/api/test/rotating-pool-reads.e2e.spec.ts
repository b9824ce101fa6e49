import { randomUUID } from 'node:crypto';
import { streams, type Address, type Hash } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { expect } from '@jest/globals';
import { LogProcessor } from '../../worker/src/processing/log-processor';
import { PROJECTIONS } from '../../worker/src/projections/projections';
import { rotatingPoolsProjection } from '../../worker/src/projections/rotating/rotating-pools.projection';
import { memberAddress } from '../../worker/src/testing/governance-log';
import { roscaLog } from '../../worker/src/testing/rosca-log';
import { startTestApi, type Problem, type TestApi } from '../../../test/support/api';
import type { RotatingPoolMemberView, RotatingPoolPage, RotatingPoolView } from '../src/rotating-pools/reads/rotating-pool.view';

const [a, b, c] = [10, 11, 12].map(memberAddress) as [Address, Address, Address];
const safe = memberAddress(99);
const DAY = 24 * 3600;
// Whole seconds: the pool starts on a whole second (the chain counts in seconds).
const base = Math.floor(Date.now() / 1000) * 1000 - 40 * DAY * 1000;
const t = (seconds: number) => new Date(base + seconds * 1000).toISOString();
const tx = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;
const newDaoId = () => `dao_${randomUUID().replace(/-/g, '').slice(0, 28)}`;

/** Every row of the rotating-pool read models, in a stable order, as text. */
const dump = async (api: TestApi) => {
  const tables = {
    rm_rosca_pools: 'pool_id',
    rm_rosca_members: 'pool_id, member',
    rm_rosca_contributions: 'pool_id, round, member',
    rm_rosca_rounds: 'pool_id, round',
  };
  const out: Record<string, string[]> = {};
  for (const [table, order] of Object.entries(tables))
    out[table] = (await api.db.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY ${order}`)).rows.map(
      (r) => r.row,
    );
  return out;
};

describe('Rotating pool reads', () => {
  let api: TestApi;
  let project: () => Promise<void>;
  let runner: LogProcessor;
  const daoId = newDaoId();
  const poolId = `rosca_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const marks: Record<string, string> = {};
  const lastPosition = async () => (await api.db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p;

  beforeAll(async () => {
    api = await startTestApi();
    const store = new PostgresEventStore(api.db.pool);
    runner = new LogProcessor(api.db.pool, store, PROJECTIONS, { batchSize: 4 });
    project = () => runner.catchUp();
    const { run } = roscaLog(store, poolId);
    const worker = 'system:worker';

    await run(
      'CreateRotatingPool',
      {
        poolId,
        daoId,
        organiser: safe,
        contributionAmount: 100n,
        rotationIntervalSeconds: 7 * DAY,
        memberCount: 3,
        startDate: t(0),
        collateralPercent: 34,
        gracePeriodSeconds: 2 * DAY,
        penaltyRateBps: 500,
      },
      t(-2 * DAY),
      'admin:test',
    );
    await run('RecordRotatingPoolDeployment', { address: memberAddress(77), txHash: tx(1), blockNumber: 5n }, t(-2 * DAY), worker);
    for (const m of [a, b, c]) await run('JoinRotatingPool', { member: m, collateral: 102n }, t(-DAY), worker);
    await run('ConfirmRotatingPoolEffect', { key: 'begin', txHash: tx(2), deferred: [] }, t(-DAY), worker);
    await project();
    marks.started = await lastPosition();
    // Round 0: a and b pay on time, c after the grace period (5% penalty, a first strike).
    await run('AnnounceRound', { round: 0 }, t(-3600), worker);
    await run('PayContribution', { member: a, round: 0, amount: 100n }, t(-60), worker);
    await run('PayContribution', { member: b, round: 0, amount: 100n }, t(0), worker);
    await run('MarkContributionsLate', { round: 0 }, t(3600), worker);
    await run('PayContribution', { member: c, round: 0, amount: 105n }, t(2 * DAY + 3600), worker);
    await run('SettleRound', { round: 0 }, t(2 * DAY + 7200), worker);
    await run('ConfirmRotatingPoolEffect', { key: 'round-0', txHash: tx(3), deferred: [] }, t(2 * DAY + 7300), worker);
    marks.afterRound0 = await lastPosition();
    await project();
    // Round 1: a (who received) does not pay: their collateral covers it.
    await run('PayContribution', { member: b, round: 1, amount: 100n }, t(7 * DAY), worker);
    await run('PayContribution', { member: c, round: 1, amount: 100n }, t(7 * DAY), worker);
    await run('SettleRound', { round: 1 }, t(9 * DAY + 3600), worker);
    await run('ConfirmRotatingPoolEffect', { key: 'round-1', txHash: tx(4), deferred: [] }, t(9 * DAY + 3700), worker);
    // Round 2: everyone pays; the pool completes.
    for (const m of [a, b, c]) await run('PayContribution', { member: m, round: 2, amount: 100n }, t(14 * DAY), worker);
    await run('SettleRound', { round: 2 }, t(14 * DAY), worker);
    await run('ConfirmRotatingPoolEffect', { key: 'round-2', txHash: tx(5), deferred: [] }, t(14 * DAY + 100), worker);
    await project();
  });
  afterAll(() => api.close());

  it('shows the completed pool: schedule, settlements, transactions and the dashboard', async () => {
    const res = await api.request<RotatingPoolView>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}`);
    expect(res.status).toBe(200);
    const pool = res.body;
    expect(pool).toMatchObject({ poolId, daoId, status: 'COMPLETED', rotationMethod: 'join-order', contractAddress: memberAddress(77) });
    expect(pool.configuration).toMatchObject({ contributionAmount: '100', memberCount: 3, collateralPercent: 34 });
    expect(pool.schedule.map((r) => [r.round, r.kind, r.recipient, r.state, r.gross, r.paid, r.txHash])).toEqual([
      [0, 'payout', a, 'settled', '305', '207', tx(3)],
      [1, 'payout', b, 'settled', '300', '300', tx(4)],
      [2, 'payout', c, 'settled', '300', '300', tx(5)],
    ]);
    expect(pool.schedule[1].dueAt).toBe(t(7 * DAY));
    expect(pool.dashboard).toEqual({
      onTimePaymentRateBps: 7777,
      paymentsOnTime: 7,
      paymentsDecided: 9,
      currentRound: null,
      nextPayout: null,
      totalVolume: '905',
      yieldEarned: '0',
      fees: '0',
      held: '0',
      reserve: '0',
    });
    expect(pool.effects.map((e) => [e.key, e.confirmed, e.txHash])).toEqual([
      ['begin', true, tx(2)],
      ['round-0', true, tx(3)],
      ['round-1', true, tx(4)],
      ['round-2', true, tx(5)],
    ]);
    expect(pool.members.map((m) => [m.address, m.receivedRound, m.strikes, m.penaltyStatus, m.collateral, m.heldBack])).toEqual([
      [a, 0, 1, 'warning', '0', '0'],
      [b, 1, 0, 'good-standing', '0', '0'],
      [c, 2, 1, 'warning', '0', '0'],
    ]);
  });

  it("gives each member's view: history, penalty status, payout", async () => {
    const res = await api.request<RotatingPoolMemberView>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${c.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.contributions).toEqual([
      { round: 0, member: c, status: 'LATE', amount: '100', penalty: '5', timing: 'after-grace', paidAt: t(2 * DAY + 3600) },
      { round: 1, member: c, status: 'PAID', amount: '100', penalty: '0', timing: 'on-time', paidAt: t(7 * DAY) },
      { round: 2, member: c, status: 'PAID', amount: '100', penalty: '0', timing: 'on-time', paidAt: t(14 * DAY) },
    ]);
    expect(res.body).toMatchObject({ strikes: 1, penaltyStatus: 'warning', receivedRound: 2, nextDue: null, projectedPayout: null });
    const defaulter = await api.request<RotatingPoolMemberView>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${a}`);
    expect(defaulter.body.contributions.map((x) => [x.round, x.status, x.amount])).toEqual([
      [0, 'PAID', '100'],
      [1, 'DEFAULTED', '100'],
      [2, 'PAID', '100'],
    ]);
  });

  it('answers the same from the log as from the read model', async () => {
    const now = await lastPosition();
    for (const path of [`/v1/daos/${daoId}/rotating-pools/${poolId}`, `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${a}`]) {
      const projected = await api.request('GET', path);
      const folded = await api.request('GET', `${path}?asOf=${now}`);
      expect(folded.status).toBe(200);
      expect(folded.body).toEqual(projected.body);
    }
  });

  it('shows an earlier state with asOf', async () => {
    const res = await api.request<RotatingPoolView>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}?asOf=${marks.afterRound0}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ACTIVE');
    expect(res.body.dashboard.currentRound).toBe(1);
    expect(res.body.dashboard.nextPayout).toEqual({ round: 1, dueAt: t(7 * DAY), settlesBy: t(9 * DAY), kind: 'payout', recipient: b });
    expect(res.body.schedule.map((r) => r.state)).toEqual(['settled', 'open', 'upcoming']);
    expect(res.body.dashboard).toMatchObject({ totalVolume: '305', held: String(3 * 102 + 98), onTimePaymentRateBps: 6666 });
    const member = await api.request<RotatingPoolMemberView>(
      'GET',
      `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${a}?asOf=${marks.afterRound0}`,
    );
    expect(member.body).toMatchObject({ receivedRound: 0, collateral: '102', heldBack: '98', projectedPayout: null });
    const due = member.body.nextDue!;
    expect(due).toMatchObject({ round: 1, dueAt: t(7 * DAY), amount: '100' });
    expect(BigInt(due.totalIfPaidNow)).toBe(100n + BigInt(due.penaltyIfPaidNow));
    const waiting = await api.request<RotatingPoolMemberView>(
      'GET',
      `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${c}?asOf=${marks.afterRound0}`,
    );
    expect(waiting.body.projectedPayout).toEqual({ round: 2, dueAt: t(14 * DAY), by: 'schedule' });
    const before = await api.request<RotatingPoolView>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}?asOf=${marks.started}`);
    expect(before.body.schedule.map((r) => r.state)).toEqual(['open', 'upcoming', 'upcoming']);
    expect(before.body.contributions.map((x) => x.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
  });

  it('lists the DAO pools a page at a time, from the read model and from the log', async () => {
    const page = await api.request<RotatingPoolPage>('GET', `/v1/daos/${daoId}/rotating-pools?limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((p) => [p.poolId, p.status, p.activeMembers, p.totalVolume])).toEqual([[poolId, 'COMPLETED', 3, '905']]);
    expect(page.body.nextCursor).toBeNull();
    const then = await api.request<RotatingPoolPage>('GET', `/v1/daos/${daoId}/rotating-pools?asOf=${marks.started}`);
    expect(then.body.items.map((p) => [p.poolId, p.status, p.currentRound])).toEqual([[poolId, 'ACTIVE', 0]]);
    expect((await api.request<RotatingPoolPage>('GET', `/v1/daos/${newDaoId()}/rotating-pools`)).body.items).toEqual([]);
  });

  it('refuses unknown pools and members (404) and a bad asOf (400) as problems', async () => {
    const other = await api.request<Problem>('GET', `/v1/daos/${newDaoId()}/rotating-pools/${poolId}`);
    expect([other.status, other.body.code]).toEqual([404, 'ROSCA.POOL_NOT_FOUND']);
    const missing = await api.request<Problem>('GET', `/v1/daos/${daoId}/rotating-pools/rosca_nope`);
    expect([missing.status, missing.body.code]).toEqual([404, 'ROSCA.POOL_NOT_FOUND']);
    const stranger = await api.request<Problem>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}/members/${memberAddress(50)}`);
    expect([stranger.status, stranger.body.code]).toEqual([404, 'ROSCA.MEMBER_NOT_FOUND']);
    const badAsOf = await api.request<Problem>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}?asOf=yesterday`);
    expect([badAsOf.status, badAsOf.body.errors?.[0]?.field]).toEqual([400, 'asOf']);
    const badCursor = await api.request<Problem>('GET', `/v1/daos/${daoId}/rotating-pools?cursor=zzz`);
    expect(badCursor.status).toBe(400);
    const beforeCreation = await api.request<Problem>('GET', `/v1/daos/${daoId}/rotating-pools/${poolId}?asOf=0`);
    expect(beforeCreation.status).toBe(404);
  });

  it('rebuilds to identical rows, and a batch handed again changes nothing', async () => {
    const before = await dump(api);
    expect(before.rm_rosca_contributions).toHaveLength(9);
    expect(before.rm_rosca_rounds).toHaveLength(3);
    await runner.rebuild(rotatingPoolsProjection);
    expect(await dump(api)).toEqual(before);
    const events = await new PostgresEventStore(api.db.pool).readStream(streams.rosca.of(poolId).streamId);
    const client = await api.db.pool.connect();
    try {
      await client.query('BEGIN');
      await rotatingPoolsProjection.apply(client, events.slice(5));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await dump(api)).toEqual(before);
  });
});
