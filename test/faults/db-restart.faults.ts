import { streams } from '@ayllu/domain';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '@ayllu/platform';
import { Pool } from 'pg';
import { TEST_ADMIN_KEY } from '../support/api';
import { labelledAccounts } from '../support/signing';
import { governance } from './support/governance-fixture';
import { brokenStreams, projectionsAtHead, readModelsAndRebuild } from './support/log-checks';
import { freePort, startApi, startPostgres, startWorkerProcess, waitFor, workerStarted, type RunningProcess } from './support/processes';
import { httpClient, type Outcome } from './support/http-client';

const VOTERS = 120;
const DAOS = 60;
const DOWN_MS = Number(process.env.FAULTS_DB_DOWN_MS ?? 4000);

/**
 * PostgreSQL stopped and started again while writes and reads flow through the API and the worker runs:
 * while it is down the API answers 503 (never 500); nothing is half-written; the API and the worker
 * resume by themselves, every write that answered 2xx is in the log once, and the read models equal a rebuild.
 */
describe('Database restart under load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ayllu-faults-pg-'));
  let port: number;
  let pg: RunningProcess & { url: string };
  let api: RunningProcess & { url: string };
  let worker: RunningProcess;
  let pool: Pool;
  let env: { databaseUrl: string; adminKey: string };
  beforeAll(async () => {
    port = await freePort();
    pg = await startPostgres(dataDir, port);
    await runMigrations(pg.url);
    env = { databaseUrl: pg.url, adminKey: TEST_ADMIN_KEY };
    api = await startApi(env, await freePort());
    worker = startWorkerProcess(env);
    await workerStarted(worker);
    pool = new Pool({ connectionString: pg.url, max: 4 });
    pool.on('error', () => undefined); // the test's own idle connections die with the server too
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await pool?.end().catch(() => undefined);
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A clean stop (fast shutdown: sessions terminated) or a crash of the postmaster (recovery from the WAL on start). */
  const takeDown = async (how: 'stopped' | 'killed') => {
    if (how === 'stopped') return pg.stop();
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    await pg.kill9();
  };

  it.each(['stopped', 'killed'] as const)(
    `PostgreSQL %s under load: 503 while it is down, then it resumes with nothing lost (${VOTERS} votes, ${DAOS} DAOs, reads throughout)`,
    async (how) => {
      const http = httpClient(api.url, TEST_ADMIN_KEY);
      const g = governance(http);
      const voters = labelledAccounts(`db-restart-${how}`, VOTERS);
      const daoId = await g.createDao(voters);
      const pid = await g.propose(daoId, voters[0]);
      const writes = [
        ...(await Promise.all(
          voters.map(async (v) => ({
            kind: 'vote',
            path: `/v1/daos/${daoId}/proposals/${pid}/votes`,
            body: await g.voteBody(daoId, pid, v),
            key: v.address,
          })),
        )),
        ...Array.from({ length: DAOS }, (_, i) => ({
          kind: 'dao',
          path: '/v1/daos',
          body: { name: `restart-${how} ${i}` },
          key: `restart-${how}-${i}`,
        })),
      ].sort((a, b) => (a.key < b.key ? -1 : 1));
      const reads = [`/v1/daos/${daoId}`, `/v1/daos/${daoId}/proposals/${pid}`, `/v1/daos/${daoId}/members`, `/health`];

      const outcomes: Outcome[] = [];
      let restartedAt = 0;
      let stoppedAt = 0;
      const fault = (async () => {
        await new Promise((r) => setTimeout(r, 1500));
        stoppedAt = Date.now();
        await takeDown(how);
        await new Promise((r) => setTimeout(r, DOWN_MS));
        pg = await startPostgres(dataDir, port);
        restartedAt = Date.now();
      })();
      // Four writers pace through the queue (a 503 puts the write back), two readers loop until the writes end.
      const queue = [...writes];
      let writesDone = false;
      const writer = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const outcome = await http.send(
            'POST',
            item.path,
            item.body,
            item.kind === 'dao' ? { admin: true, idempotencyKey: item.key } : {},
          );
          outcomes.push({ ...outcome, kind: item.kind, key: item.key });
          if (outcome.status === 503 || outcome.status === 0) {
            queue.push(item);
            await new Promise((r) => setTimeout(r, 200));
          } else await new Promise((r) => setTimeout(r, 40));
        }
      };
      const reader = async () => {
        for (let i = 0; !writesDone; i++) {
          outcomes.push({ ...(await http.send('GET', reads[i % reads.length])), kind: 'read', key: '' });
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const readers = [reader(), reader()];
      await Promise.all([fault, writer(), writer(), writer(), writer()]);
      await Promise.all([writer()]); // writes requeued after the last writer finished
      writesDone = true;
      await Promise.all(readers);

      const during = outcomes.filter((o) => o.at >= stoppedAt && o.at <= restartedAt);
      const figures = {
        requests: outcomes.length,
        during: during.length,
        '503': outcomes.filter((o) => o.status === 503).length,
        '500': outcomes.filter((o) => o.status >= 500 && o.status !== 503).length,
        noAnswer: outcomes.filter((o) => o.status === 0).length,
        firstWriteOkAfterRestartMs: Math.min(
          ...outcomes.filter((o) => o.kind !== 'read' && o.status < 300 && o.at > restartedAt).map((o) => o.at - restartedAt),
        ),
      };
      process.stdout.write(`db restart (${how}): ${JSON.stringify(figures)}\n`);
      const errors = outcomes.filter((o) => o.status >= 500 && o.status !== 503).map((o) => `${o.kind} ${o.status} ${o.text}`);
      expect({ errors, log: errors.length ? api.output().slice(-6000) : '' }).toEqual({ errors: [], log: '' });
      expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
      expect(figures['503']).toBeGreaterThan(0);
      expect(api.child.exitCode).toBeNull();
      expect({ exit: worker.child.exitCode, output: worker.child.exitCode === null ? '' : worker.output().slice(-3000) }).toEqual({
        exit: null,
        output: '',
      });

      // Every write ended answered 2xx (a write that committed as the server went down is retried as a replay: 409).
      for (const w of writes) {
        const last = outcomes.filter((o) => o.key === w.key).at(-1)!;
        expect({ key: w.key, status: last.status < 300 || (last.status === 409 && /REPLAYED/.test(last.text)) }).toEqual({
          key: w.key,
          status: true,
        });
      }
      expect(await brokenStreams(pool)).toEqual([]);
      const votes = await pool.query<{ voter: string }>(
        `SELECT data->>'voter' AS voter FROM events WHERE stream_id = $1 AND type = 'VoteCast'`,
        [streams.proposal.of(pid).streamId],
      );
      expect(votes.rows.map((r) => r.voter).sort()).toEqual(voters.map((v) => v.address).sort());
      const created = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE type = 'DaoCreated' AND data::text LIKE $1`,
        [`%"restart-${how} %`],
      );
      expect(created.rows[0].n).toBe(DAOS);

      await waitFor('the worker to catch up after the restart', () => projectionsAtHead(pool), 60_000, 250);
      await worker.stop();
      const { kept, rebuilt } = await readModelsAndRebuild(pool);
      expect(kept).toEqual(rebuilt);
      worker = startWorkerProcess(env);
      await workerStarted(worker);
    },
  );
});
