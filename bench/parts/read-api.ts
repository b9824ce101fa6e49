import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { createEmptyDatabase, dropDatabase, runMigrations } from '@ayllu/platform';
import { MEMBER_COLUMNS } from '../../apps/api/src/governance-reads/members/member.view';
import { recordMemory } from '../harness/memory-log';
import { freePort, startApi, startService, startWorkerProcess, type Service } from '../harness/services';
import { fmtInt, round, times } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';
import { benchAccounts, seedVotingDao } from './vote-fixtures';

const CONNECTIONS = 16;
const MEMBERS = 200;

interface Shot {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

const shoot = async (url: string, seconds: number, overallRate?: number): Promise<Shot> => {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, ...(overallRate ? { overallRate } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
};

/**
 * Part 4. The proposal and member read routes of the API (its own process, read models filled by the
 * worker) against a bare Fastify process answering the very bytes the API answered, with autocannon
 * from the bench process: peak requests/s of each, then the API again at half its measured peak.
 */
/**
 * Waits until every processor's checkpoint is the log's last event (in commit order) and no new processor has
 * appeared for a second; returns the seconds it took, or null when `timeoutMs` passed first.
 */
const waitForWorkerAtHead = async (pool: Pool, timeoutMs: number): Promise<number | null> => {
  const started = Date.now();
  let seen = -1;
  while (Date.now() - started < timeoutMs) {
    const { rows } = await pool.query<{ processors: number; behind: number }>(
      `SELECT count(*)::int AS processors,
              count(*) FILTER (WHERE (c.transaction_id, c.position) < (h.transaction_id, h.global_position))::int AS behind
       FROM projection_checkpoints c,
            (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) h`,
    );
    if (rows[0].behind === 0 && rows[0].processors === seen) return (Date.now() - started) / 1000;
    seen = rows[0].behind === 0 ? rows[0].processors : -1;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
};

export const runReadApi = async (ctx: BenchContext): Promise<PartResult> => {
  const started = Date.now();
  const seconds = ctx.full ? 30 : 10;
  // A database of its own on the same server: the earlier parts' log (the rebuild's 2,000 proposals, whose
  // deadlines the worker would be closing meanwhile) is not this part's, and every append anywhere empties the
  // read cache (see BENCHMARKS.md).
  const databaseUrl = await createEmptyDatabase(ctx.databaseUrl, `${new URL(ctx.databaseUrl).pathname.slice(1)}_reads`);
  await runMigrations(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const services: Service[] = [];
  try {
    const accounts = benchAccounts('reads', MEMBERS);
    const dao = await seedVotingDao(
      new PostgresEventStore(pool),
      `reads-${Date.now().toString(36)}`,
      accounts.map((a) => a.address),
      8,
    );
    const worker = await startWorkerProcess(databaseUrl);
    services.push(worker);
    const api = await startApi(databaseUrl);
    services.push(api);
    const pid = dao.proposalIds[3];
    for (let i = 0; i < 300; i++) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM rm_proposals WHERE dao_id = $1`, [dao.daoId]);
      if (rows[0].n === dao.proposalIds.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    ctx.log('read-api: waiting for the worker to catch up with the log');
    const caughtUpAfter = await waitForWorkerAtHead(pool, 120_000);
    const routes = {
      proposal: `/v1/daos/${dao.daoId}/proposals/${pid}`,
      member: `/v1/daos/${dao.daoId}/members/${accounts[17].address}`,
    };
    const bodies: Record<string, { body: string; contentType: string }> = {};
    for (const route of Object.values(routes)) {
      const res = await fetch(`${api.url}${route}`);
      if (res.status !== 200) throw new Error(`bench: ${route} answered ${res.status}`);
      bodies[route] = { body: await res.text(), contentType: res.headers.get('content-type') ?? 'application/json' };
    }
    const benchDir = mkdtempSync(path.join(os.tmpdir(), 'ayllu-bench-routes-'));
    const routesFile = path.join(benchDir, 'routes.json');
    writeFileSync(routesFile, JSON.stringify(bodies));
    // The SQL the API runs for each route when it builds the answer (ProposalReader folds the proposal's stream;
    // MemberReader checks the DAO is projected, then reads the member's row).
    const queries: Record<string, { sql: string; params: unknown[] }[]> = {
      [routes.proposal]: [
        {
          sql: 'SELECT global_position, transaction_id, stream_id, version, type, data, metadata, recorded_at FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version',
          params: [streams.proposal.of(pid).streamId, 0],
        },
      ],
      [routes.member]: [
        { sql: 'SELECT id FROM rm_daos WHERE id = $1', params: [dao.daoId] },
        {
          sql: `SELECT ${MEMBER_COLUMNS} FROM rm_members WHERE dao_id = $1 AND ($2::text IS NULL OR address = $2) ORDER BY joined_at NULLS LAST, address COLLATE "C"`,
          params: [dao.daoId, accounts[17].address],
        },
      ],
    };
    const queriesFile = path.join(benchDir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(queries));
    const port = await freePort();
    const bare = await startService({
      name: 'bare-fastify',
      file: 'bench/parts/bare-fastify.ts',
      env: { BENCH_PORT: String(port), BENCH_ROUTES: routesFile },
      port,
      readyPath: '/health',
    });
    services.push(bare);
    const pgPort = await freePort();
    const barePg = await startService({
      name: 'bare-fastify-pg',
      file: 'bench/parts/bare-fastify-pg.ts',
      env: { BENCH_PORT: String(pgPort), BENCH_QUERIES: queriesFile, DATABASE_URL: databaseUrl },
      port: pgPort,
      readyPath: '/health',
    });
    services.push(barePg);

    const results: Record<string, { ours: Shot; bare: Shot; barePg: Shot; half: Shot; bareHalf: Shot; bytes: number }> = {};
    for (const [name, route] of Object.entries(routes)) {
      ctx.log(
        `read-api: ${name} route, ${seconds} s each (warm-up, API, bare Fastify, bare Fastify + pg, API and bare Fastify at half the API's peak)`,
      );
      await shoot(`${api.url}${route}`, 2);
      await shoot(`${bare.url}${route}`, 2);
      await shoot(`${barePg.url}${route}`, 2);
      const ours = await shoot(`${api.url}${route}`, seconds);
      const bareShot = await shoot(`${bare.url}${route}`, seconds);
      const barePgShot = await shoot(`${barePg.url}${route}`, seconds);
      const rate = Math.max(1, Math.floor(ours.rps / 2));
      const half = await shoot(`${api.url}${route}`, seconds, rate);
      // The same offered rate against bare Fastify: what autocannon's rate mode itself adds to the tail.
      const bareHalf = await shoot(`${bare.url}${route}`, seconds, rate);
      results[name] = { ours, bare: bareShot, barePg: barePgShot, half, bareHalf, bytes: Buffer.byteLength(bodies[route].body) };
    }
    for (const s of [bare, barePg]) {
      await s.stop();
      services.splice(services.indexOf(s), 1);
    }
    recordMemory('4. read API', 'api', await api.stop());
    services.splice(services.indexOf(api), 1);
    recordMemory('4. read API', 'worker', await worker.stop());
    services.splice(services.indexOf(worker), 1);

    const rows = Object.entries(results).flatMap(([name, r]) => [
      {
        route: `GET ${name} (${fmtInt(r.bytes)} B)`,
        server: 'Ayllu API (Nest + Fastify + PostgreSQL read model)',
        'requests/s': fmtInt(r.ours.rps),
        'p50 ms': r.ours.p50,
        'p99 ms': r.ours.p99,
        'vs bare': times(r.ours.rps / r.bare.rps),
        'errors / non-2xx': `${r.ours.errors} / ${r.ours.non2xx}`,
      },
      {
        route: `GET ${name}`,
        server: 'bare Fastify, same bytes from memory',
        'requests/s': fmtInt(r.bare.rps),
        'p50 ms': r.bare.p50,
        'p99 ms': r.bare.p99,
        'vs bare': times(1),
        'errors / non-2xx': `${r.bare.errors} / ${r.bare.non2xx}`,
      },
      {
        route: `GET ${name}`,
        server: 'bare Fastify + pg, the same SQL on every request',
        'requests/s': fmtInt(r.barePg.rps),
        'p50 ms': r.barePg.p50,
        'p99 ms': r.barePg.p99,
        'vs bare': times(r.barePg.rps / r.bare.rps),
        'errors / non-2xx': `${r.barePg.errors} / ${r.barePg.non2xx}`,
      },
      {
        route: `GET ${name}`,
        server: `Ayllu API at half its peak (${fmtInt(Math.floor(r.ours.rps / 2))} req/s offered)`,
        'requests/s': fmtInt(r.half.rps),
        'p50 ms': r.half.p50,
        'p99 ms': r.half.p99,
        'vs bare': times(r.half.rps / r.bare.rps),
        'errors / non-2xx': `${r.half.errors} / ${r.half.non2xx}`,
      },
      {
        route: `GET ${name}`,
        server: `bare Fastify at the same offered rate (${fmtInt(Math.floor(r.ours.rps / 2))} req/s)`,
        'requests/s': fmtInt(r.bareHalf.rps),
        'p50 ms': r.bareHalf.p50,
        'p99 ms': r.bareHalf.p99,
        'vs bare': times(r.bareHalf.rps / r.bare.rps),
        'errors / non-2xx': `${r.bareHalf.errors} / ${r.bareHalf.non2xx}`,
      },
    ]);
    return {
      id: 'read-api',
      title: '4. Read API',
      settings: {
        tool: `autocannon, ${CONNECTIONS} connections, ${seconds} s per measurement after a 2 s warm-up, from the bench process (same 2 cores)`,
        data: `democratic DAO of ${MEMBERS} members, 8 proposals, read models filled by the worker process`,
        routes: `${routes.proposal}, ${routes.member}`,
        'API process': 'apps/api/src/main.ts, pool 20, LOG_LEVEL=warn (no per-request log lines)',
        'worker caught up with the log before measuring':
          caughtUpAfter === null ? 'not within 120 s' : `after ${round(caughtUpAfter, 1)} s`,
      },
      tables: [
        {
          title: 'Read routes, peak and at half of peak',
          columns: ['route', 'server', 'requests/s', 'p50 ms', 'p99 ms', 'vs bare', 'errors / non-2xx'],
          rows,
        },
      ],
      targets: Object.entries(results).flatMap(([name, r]) => [
        {
          target: `${name} route ≥ 0.5× bare Fastify (same bytes from memory)`,
          measured: times(r.ours.rps / r.bare.rps),
          met: r.ours.rps / r.bare.rps >= 0.5,
        },
        {
          target: `${name} route ≥ 1.5× bare Fastify + pg (same SQL)`,
          measured: times(r.ours.rps / r.barePg.rps),
          met: r.ours.rps / r.barePg.rps >= 1.5,
        },
        {
          target: `${name} route p99 ≤ 10 ms at half of peak`,
          measured: `${r.half.p99} ms at ${fmtInt(r.half.rps)} req/s (bare Fastify at the same rate: p99 ${r.bareHalf.p99} ms)`,
          met: r.half.p99 <= 10,
        },
      ]),
      notes: [],
      data: { routes, results },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const s of services) await s.stop().catch(() => undefined);
    await pool.end();
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
};
