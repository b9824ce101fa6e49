import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@ayllu/event-store';
import { runMigrations } from '@ayllu/platform';
import { Pool } from 'pg';
import { TEST_ADMIN_KEY } from '../support/api';
import { chainFacts } from './support/chain-facts';
import { governanceLife } from './support/governance-life';
import { brokenStreams, projectionsAtHead, readModelsAndRebuild } from './support/log-checks';
import { outboxAgainstLog } from './support/outbox-check';
import { freePort, startApi, startPostgres, startWorkerProcess, waitFor, workerStarted, type RunningProcess } from './support/processes';
import { retryingClient, type CommandRecord } from './support/retrying-client';

const RUNS = Number(process.env.FAULTS_CRASH_RUNS ?? 50);
const VICTIMS = ['api', 'worker', 'both'] as const;

/** A seeded generator, so a failing run can be replayed with FAULTS_SEED. */
const random = (() => {
  let s = Number(process.env.FAULTS_SEED ?? 8) >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
})();

/**
 * kill -9 of the API, the worker or both at a random moment of a scripted governance life, RUNS times.
 * After each restart: no stream half-written, every command answered 2xx is in the log, the read models
 * equal a rebuild from the log, and the notification outbox holds exactly the rows the log calls for.
 */
describe(`Crashes: kill -9 of the API and the worker at random moments (${RUNS} runs)`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ayllu-faults-crash-'));
  let pg: RunningProcess & { url: string };
  let pool: Pool;
  let env: { databaseUrl: string; adminKey: string };
  let apiPort: number;
  let api: (RunningProcess & { url: string }) | null = null;
  let worker: RunningProcess | null = null;
  const figures = {
    runs: 0,
    killsApi: 0,
    killsWorker: 0,
    commands: 0,
    retried: 0,
    replayedAfterCrash: 0,
    notInLog: 0,
    outboxRows: 0,
    lostNotifications: 0,
  };

  beforeAll(async () => {
    pg = await startPostgres(dataDir, await freePort());
    await runMigrations(pg.url);
    env = { databaseUrl: pg.url, adminKey: TEST_ADMIN_KEY };
    apiPort = await freePort();
    pool = new Pool({ connectionString: pg.url, max: 4 });
    // The server stops at the end while an idle connection of this pool may still be open: not a failure.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    // Webhook creation honours Idempotency-Key: a retry after a crash that followed its commit must not make a second one.
    const doubled = await pool
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT dao_id FROM webhook_endpoints GROUP BY dao_id HAVING count(*) > 1) d`)
      .catch(() => ({ rows: [{ n: -1 }] }));
    process.stdout.write(`crash figures: ${JSON.stringify({ ...figures, daosWithDoubledWebhook: doubled.rows[0].n })}\n`);
    expect(doubled.rows[0].n).toBe(0);
    await api?.kill9();
    await worker?.kill9();
    await pool?.end();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ensureRunning = async () => {
    if (!api || api.child.exitCode !== null || api.child.signalCode !== null) api = await startApi(env, apiPort);
    if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) {
      worker = startWorkerProcess(env);
    }
  };

  it('loses nothing and doubles nothing', async () => {
    const facts = chainFacts(new PostgresEventStore(pool));
    for (let run = 1; run <= RUNS; run++) {
      await ensureRunning();
      await workerStarted(worker!);
      const client = retryingClient(api!.url, TEST_ADMIN_KEY, `crash-${run}`);
      const victim = VICTIMS[run % VICTIMS.length];
      // Most lives take 1-3 s here: a kill anywhere in the first 2.5 s lands before, during or after a command.
      const delay = Math.floor(random() * 2500);
      const life = governanceLife(client, `crash-${run}`, (daoId, member) => facts.deposit(daoId, member, 1000n));
      const fault = (async () => {
        await new Promise((r) => setTimeout(r, delay));
        if (victim !== 'worker') {
          await api!.kill9();
          figures.killsApi++;
        }
        if (victim !== 'api') {
          await worker!.kill9();
          figures.killsWorker++;
        }
        await ensureRunning();
      })();
      await Promise.all([life, fault]);
      await workerStarted(worker!);
      await waitFor(`run ${run}: projections at the head of the log`, () => projectionsAtHead(pool, ['notifications-outbox']), 60_000, 200);

      expect(await brokenStreams(pool)).toEqual([]);
      const committed = client.records.filter(
        (r) => r.appends && (r.status < 300 || (r.status === 409 && r.code === 'SIGNATURE.REPLAYED')),
      );
      const inLog = new Set(
        (
          await pool.query<{ id: string }>(
            `SELECT DISTINCT metadata->>'correlationId' AS id FROM events WHERE metadata->>'correlationId' LIKE $1`,
            [`crash-${run}-%`],
          )
        ).rows.map((r) => r.id),
      );
      const missing = committed.filter((r: CommandRecord) => r.name !== 'webhook' && !inLog.has(r.requestId));
      figures.notInLog += missing.length;
      expect(missing).toEqual([]);
      const { kept, rebuilt } = await readModelsAndRebuild(pool);
      expect(kept).toEqual(rebuilt);
      const outbox = await outboxAgainstLog(pool);
      figures.lostNotifications += outbox.missing.length;
      expect({ run, missing: outbox.missing, unexpected: outbox.unexpected }).toEqual({ run, missing: [], unexpected: [] });
      figures.outboxRows = outbox.expected;
      figures.runs++;
      figures.commands += client.records.filter((r) => r.appends).length;
      figures.retried += client.records.filter((r) => r.attempts > 1).length;
      figures.replayedAfterCrash += client.records.filter((r) => r.status === 409).length;
    }
  });
});
