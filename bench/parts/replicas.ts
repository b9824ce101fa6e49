import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import type { PrivateKeyAccount } from 'viem/accounts';
import { Receiver } from '../../apps/worker/src/notifications/testing/receiver';
import { runClosedLoop, type HttpCall, type LoadResult } from '../harness/http-load';
import { recordMemory } from '../harness/memory-log';
import { BENCH_ADMIN_KEY, startApi, startWorkerProcess, type Service } from '../harness/services';
import { fmtInt, percentile, round, times } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';
import { benchAccounts, seedVotingDao, signedVoteCall } from './vote-fixtures';

const CONCURRENCY = 16;
const SUPPORT = ['for', 'for', 'against', 'abstain'] as const;
const RSS_TARGET_MIB = 200;
/** Where in the replica run (share of votes answered) one API, then one worker, is killed with SIGKILL. */
const KILL_API_AT = 0.4;
const KILL_WORKER_AT = 0.6;
/** Two workers on one host: no /health server each (the default port would clash). */
const WORKER_ENV = { WORKER_OPERATIONS_PORT: '0' };
/** The receiver answers 204 after this long, like a remote endpoint: a kill can then fall while a POST is in flight. */
const RECEIVER_DELAY_MS = 100;

interface Memory {
  peakMiB: number;
  rssMiB: number;
}

/** Every voter on every proposal, pre-signed, in a fixed scattered order (the same shape as part 2). */
const signAll = async (accounts: readonly PrivateKeyAccount[], daoId: string, proposalIds: readonly string[]): Promise<HttpCall[]> => {
  const calls: HttpCall[] = [];
  for (const [p, pid] of proposalIds.entries())
    for (const [v, account] of accounts.entries()) calls.push(await signedVoteCall(account, daoId, pid, SUPPORT[(v + p) % SUPPORT.length]));
  let seed = 11;
  for (let i = calls.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [calls[i], calls[j]] = [calls[j], calls[i]];
  }
  return calls;
};

interface Answer {
  readonly status: number;
  readonly body: string;
}

const send = (agent: Agent, base: URL, call: HttpCall, headers: Record<string, string> = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers: {
          ...headers,
          ...(call.body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(call.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(call.body);
  });

interface Target {
  readonly name: string;
  readonly base: URL;
  readonly agent: Agent;
  alive: boolean;
}

interface CallOutcome {
  /** Final HTTP status ('error' when every API failed). */
  status: string;
  /** Problem type of a final 409 (SIGNATURE.REPLAYED: the first attempt had committed). */
  code: string | null;
  /** Times the same body went to the other API after a connection failure. */
  resends: number;
  latencyMs: number;
}

/**
 * Sends `call` to a live API; a connection that fails (reset, refused: its API died) sends the same bytes to the
 * next live one. An API that refuses connections is taken out of the rotation.
 */
const sendWithFailover = async (
  targets: readonly Target[],
  start: number,
  call: HttpCall,
  headers: Record<string, string> = {},
): Promise<{ answer: Answer | null; resends: number }> => {
  let resends = 0;
  for (let attempt = 0; attempt < targets.length * 3; attempt++) {
    const live = targets.filter((t) => t.alive);
    if (live.length === 0) return { answer: null, resends };
    const target = live[(start + attempt) % live.length];
    try {
      return { answer: await send(target.agent, target.base, call, headers), resends };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') target.alive = false;
      resends++;
    }
  }
  return { answer: null, resends };
};

const problemCode = (answer: Answer): string | null => {
  try {
    const parsed = JSON.parse(answer.body) as { code?: string; type?: string };
    return parsed.code ?? parsed.type ?? null;
  } catch {
    return null;
  }
};

/** Ballots recorded per (proposal stream, voter) for the given proposals. */
const ballotsInLog = async (pool: Pool, proposalIds: readonly string[]): Promise<Map<string, number>> => {
  const { rows } = await pool.query<{ stream_id: string; voter: string; n: string }>(
    `SELECT stream_id, lower(data->>'voter') AS voter, count(*)::bigint AS n FROM events
     WHERE type = 'VoteCast' AND stream_id = ANY($1) GROUP BY 1, 2`,
    [proposalIds.map((id) => streams.proposal.of(id).streamId)],
  );
  return new Map(rows.map((r) => [`${r.stream_id}|${r.voter}`, Number(r.n)]));
};

const ballotKey = (call: HttpCall): string => {
  const { message } = JSON.parse(call.body!) as { message: { voter: string; proposalId: string } };
  return `${streams.proposal.of(message.proposalId).streamId}|${message.voter.toLowerCase()}`;
};

/** Seconds until rm_proposals tallies exactly what the log holds, per proposal and choice (null: not in budget). */
const waitForTallyEqualsLog = async (pool: Pool, proposalIds: readonly string[], budgetSeconds: number): Promise<number | null> => {
  const started = Date.now();
  const streamIds = proposalIds.map((id) => streams.proposal.of(id).streamId);
  while (Date.now() - started < budgetSeconds * 1000) {
    const { rows } = await pool.query<{ mismatched: string }>(
      `WITH ids AS (SELECT * FROM unnest($1::text[], $2::text[]) AS i(proposal_id, stream_id)),
       log AS (
         SELECT ids.proposal_id, count(e.*) FILTER (WHERE e.data->>'choice' = 'for') AS f,
                count(e.*) FILTER (WHERE e.data->>'choice' = 'against') AS a,
                count(e.*) FILTER (WHERE e.data->>'choice' = 'abstain') AS ab
         FROM ids LEFT JOIN events e ON e.stream_id = ids.stream_id AND e.type = 'VoteCast' GROUP BY 1)
       SELECT count(*)::bigint AS mismatched FROM log LEFT JOIN rm_proposals p ON p.id = log.proposal_id
       WHERE p.id IS NULL OR p.tally_for <> log.f OR p.tally_against <> log.a OR p.tally_abstain <> log.ab`,
      [proposalIds, streamIds],
    );
    if (Number(rows[0].mismatched) === 0) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
};

const statusText = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([s, n]) => `${s}: ${fmtInt(n)}`)
    .join(', ');

const count = (values: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

/**
 * Part 8. Replicas: the vote load against one API and one worker, then against two of each over the same
 * database with a kill -9 of one API (at 40% of the votes) and one worker (at 60%), the load generator re-sending
 * a request whose API died to the other one unchanged. Beside the votes, admin suspensions on a second DAO make
 * notifications that a webhook carries to a receiver in this process. Afterwards: every ballot in the log
 * exactly once, the read model equal to the log, every notification delivered once, no job run twice.
 */
export const runReplicas = async (ctx: BenchContext): Promise<PartResult> => {
  const started = Date.now();
  const shape = ctx.full ? { members: 250, proposals: 8, suspensions: 400 } : { members: 125, proposals: 8, suspensions: 200 };
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 4 });
  const store = new PostgresEventStore(pool);
  const tag = Date.now().toString(36);
  const memories: { process: string; role: string; ended: string; memory: Memory }[] = [];
  const receiver = await new Receiver().start();
  receiver.reply = () => ({ status: 204, delayMs: RECEIVER_DELAY_MS });
  try {
    const votes = shape.members * shape.proposals;
    ctx.log(`replicas: seeding and pre-signing 2 × ${fmtInt(votes)} votes`);
    const accounts = benchAccounts('replicas', shape.members);
    const addresses = accounts.map((a) => a.address);
    const baseDao = await seedVotingDao(store, `replicas-one-${tag}`, addresses, shape.proposals);
    const replicaDao = await seedVotingDao(store, `replicas-two-${tag}`, addresses, shape.proposals);
    const notifyMembers = benchAccounts('replicas-notify', shape.suspensions).map((a) => a.address);
    const notifyDao = await seedVotingDao(store, `replicas-notify-${tag}`, notifyMembers, 0);
    const baseCalls = await signAll(accounts, baseDao.daoId, baseDao.proposalIds);
    const replicaCalls = await signAll(accounts, replicaDao.daoId, replicaDao.proposalIds);

    // 1. Baseline: one API, one worker.
    ctx.log(`replicas: baseline, 1 API + 1 worker, ${fmtInt(votes)} votes`);
    const worker = await startWorkerProcess(ctx.databaseUrl, WORKER_ENV);
    const api = await startApi(ctx.databaseUrl).catch(async (error) => {
      await worker.stop();
      throw error;
    });
    let baseRun: LoadResult;
    let baseTally: number | null;
    try {
      baseRun = await runClosedLoop(api.url, baseCalls, CONCURRENCY);
      baseTally = await waitForTallyEqualsLog(pool, baseDao.proposalIds, 60);
    } finally {
      const a = await api.stop();
      const w = await worker.stop();
      recordMemory('8. replicas', 'api (1+1)', a);
      recordMemory('8. replicas', 'worker (1+1)', w);
      memories.push({ process: 'api', role: '1 + 1 baseline', ended: 'stopped (SIGTERM)', memory: a });
      memories.push({ process: 'worker', role: '1 + 1 baseline', ended: 'stopped (SIGTERM)', memory: w });
    }

    // 2. Two APIs and two workers on the same database.
    ctx.log('replicas: 2 APIs + 2 workers, kill -9 of one API at 40% and one worker at 60%');
    const services: Service[] = [];
    const live = new Set<Service>();
    const labels = new Map<Service, string>();
    const start = async (s: Promise<Service>, label: string) => {
      const service = await s;
      services.push(service);
      live.add(service);
      labels.set(service, label);
      return service;
    };
    const REPLAY_PROBES = 10;
    const replayProbe: string[] = [];
    let outcomes: CallOutcome[] = [];
    let suspensions: { status: string; resends: number }[] = [];
    let replicaSeconds = 0;
    let killedApiAt = NaN;
    let killedWorkerAt = NaN;
    let replicaTally: number | null = null;
    let webhookId = '';
    let deliveriesWaited: number | null = null;
    try {
      const w1 = await start(startWorkerProcess(ctx.databaseUrl, WORKER_ENV), 'worker 1');
      await start(startWorkerProcess(ctx.databaseUrl, WORKER_ENV), 'worker 2');
      const a1 = await start(startApi(ctx.databaseUrl), 'api 1');
      const a2 = await start(startApi(ctx.databaseUrl), 'api 2');
      const targets: Target[] = [a1, a2].map((s, i) => ({
        name: `api ${i + 1}`,
        base: new URL(s.url),
        agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
        alive: true,
      }));
      const admin = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };
      const created = await sendWithFailover(
        targets,
        0,
        {
          method: 'POST',
          path: `/v1/daos/${notifyDao.daoId}/webhooks`,
          body: JSON.stringify({ url: receiver.url, events: '*', description: 'bench replicas' }),
        },
        { ...admin, 'idempotency-key': `bench-replicas-webhook-${tag}` },
      );
      if (created.answer?.status !== 201) throw new Error(`webhook not created: ${created.answer?.status} ${created.answer?.body}`);
      webhookId = (JSON.parse(created.answer.body) as { id: string }).id;

      const kill = async (service: Service, role: string, at: number) => {
        const memory = await service.kill();
        live.delete(service);
        memories.push({ process: labels.get(service)!, role, ended: `kill -9 at ${Math.round(at * 100)}% of the votes`, memory });
        recordMemory('8. replicas', `${labels.get(service)!} (2+2, killed)`, memory);
      };
      let answered = 0;
      let next = 0;
      let kills = Promise.resolve();
      const t0 = process.hrtime.bigint();
      outcomes = new Array<CallOutcome>(replicaCalls.length);
      const lane = async (laneIndex: number) => {
        while (next < replicaCalls.length) {
          const i = next++;
          const callStarted = process.hrtime.bigint();
          const { answer, resends } = await sendWithFailover(targets, laneIndex, replicaCalls[i]);
          outcomes[i] = {
            status: answer ? String(answer.status) : 'error',
            code: answer && answer.status >= 400 ? problemCode(answer) : null,
            resends,
            latencyMs: Number(process.hrtime.bigint() - callStarted) / 1e6,
          };
          answered++;
          if (Number.isNaN(killedApiAt) && answered >= KILL_API_AT * replicaCalls.length) {
            killedApiAt = answered / replicaCalls.length;
            kills = kills.then(() => kill(a1, '2 + 2, killed', KILL_API_AT));
          }
          if (Number.isNaN(killedWorkerAt) && answered >= KILL_WORKER_AT * replicaCalls.length) {
            killedWorkerAt = answered / replicaCalls.length;
            kills = kills.then(() => kill(w1, '2 + 2, killed', KILL_WORKER_AT));
          }
        }
      };
      // Admin suspensions at a steady pace over about as long as the baseline's votes took (so the kills fall among
      // them), each with its own Idempotency-Key so a re-sent one is answered with its first answer.
      const suspensionSeconds = Math.max(5, baseRun.seconds);
      const suspend = async () => {
        const out: { status: string; resends: number }[] = [];
        const pace = (1000 * suspensionSeconds) / notifyMembers.length;
        const begun = Date.now();
        for (const [i, member] of notifyMembers.entries()) {
          const wait = begun + i * pace - Date.now();
          if (wait > 1) await new Promise((r) => setTimeout(r, wait));
          const { answer, resends } = await sendWithFailover(
            targets,
            i,
            {
              method: 'POST',
              path: `/v1/daos/${notifyDao.daoId}/members/${member}/suspension`,
              body: JSON.stringify({ reason: `bench replicas ${i}` }),
            },
            { ...admin, 'idempotency-key': `bench-replicas-suspend-${tag}-${i}` },
          );
          out.push({ status: answer ? String(answer.status) : 'error', resends });
        }
        return out;
      };
      const suspending = suspend();
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => lane(i)));
      replicaSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      suspensions = await suspending;
      await kills;
      // What a client's blind re-send of an answered vote gets: the same signed bodies again, to the surviving API.
      const answeredCalls = replicaCalls.filter((_, i) => outcomes[i].status === '201').slice(0, REPLAY_PROBES);
      for (const call of answeredCalls) {
        const { answer } = await sendWithFailover(targets, 0, call);
        replayProbe.push(answer ? `${answer.status} ${problemCode(answer) ?? ''}`.trim() : 'error');
      }
      for (const t of targets) t.agent.destroy();

      ctx.log('replicas: waiting for the surviving worker (read model, webhook deliveries)');
      replicaTally = await waitForTallyEqualsLog(pool, replicaDao.proposalIds, 90);
      const expected = suspensions.filter((s) => s.status === '201').length;
      const waitStarted = Date.now();
      // A notification the killed worker had claimed waits for its lease (60 s) before the other worker takes it.
      // Settled: every expected id arrived and no outbox row of the endpoint is still pending (a row the killed worker
      // POSTed but never recorded stays pending until its lease lapses; the survivor then sends it again).
      while (Date.now() - waitStarted < 100_000) {
        const ids = new Set(receiver.received.map((r) => String(r.headers['webhook-id'])));
        const { rows } = await pool.query<{ n: string }>(
          `SELECT count(*)::bigint AS n FROM notifications WHERE endpoint_id = $1 AND status = 'pending'`,
          [webhookId],
        );
        if (ids.size >= expected && Number(rows[0].n) === 0) {
          deliveriesWaited = (Date.now() - waitStarted) / 1000;
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      // Let a late duplicate show itself, if there is one.
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      for (const service of services.filter((s) => live.has(s))) {
        const memory = await service.stop();
        memories.push({ process: labels.get(service)!, role: '2 + 2, survived', ended: 'stopped (SIGTERM)', memory });
        recordMemory('8. replicas', `${labels.get(service)!} (2+2)`, memory);
      }
    }

    // 3. What the log, the read model, the outbox and the job queue say.
    const inLog = await ballotsInLog(pool, replicaDao.proposalIds);
    let once = 0;
    let lost = 0;
    let doubled = 0;
    for (const call of replicaCalls) {
      const n = inLog.get(ballotKey(call)) ?? 0;
      if (n === 1) once++;
      else if (n === 0) lost++;
      else doubled++;
    }
    const resentVotes = outcomes.filter((o) => o.resends > 0);
    const resentReplayed = resentVotes.filter((o) => o.status === '409').length;
    const resentAccepted = resentVotes.filter((o) => o.status === '201').length;
    const replayText = statusText(count(replayProbe));
    const baseInLog = await ballotsInLog(pool, baseDao.proposalIds);
    const baseOnce = baseCalls.filter((c) => baseInLog.get(ballotKey(c)) === 1).length;

    const suspended = suspensions.filter((s) => s.status === '201').length;
    const { rows: suspendedInLog } = await pool.query<{ n: string }>(
      `SELECT count(*)::bigint AS n FROM events WHERE stream_id = $1 AND type = 'MemberSuspended' GROUP BY lower(data->>'member')`,
      [streams.dao.of(notifyDao.daoId).streamId],
    );
    const suspensionsRecorded = suspendedInLog.length;
    const suspensionsDoubled = suspendedInLog.filter((r) => Number(r.n) > 1).length;
    const byId = count(receiver.received.map((r) => String(r.headers['webhook-id'])));
    const deliveredIds = Object.keys(byId).length;
    const doubledDeliveries = Object.values(byId).filter((n) => n > 1).length;
    const { rows: outbox } = await pool.query<{ status: string; n: string; retried: string }>(
      `SELECT n.status, count(*)::bigint AS n, count(*) FILTER (WHERE (SELECT count(*) FROM notification_attempts a WHERE a.notification_id = n.id) > 1)::bigint AS retried
       FROM notifications n WHERE n.endpoint_id = $1 GROUP BY 1`,
      [webhookId],
    );
    const outboxRows = outbox.reduce((s, r) => s + Number(r.n), 0);
    const retried = outbox.reduce((s, r) => s + Number(r.retried), 0);
    const jobs = await pool
      .query<{ state: string; n: string }>(`SELECT state, count(*)::bigint AS n FROM pgboss.job GROUP BY 1 ORDER BY 1`)
      .then((r) => r.rows)
      .catch(() => [] as { state: string; n: string }[]);
    const jobDuplicates = await pool
      .query<{ n: string }>(
        `SELECT count(*)::bigint AS n FROM (SELECT name, singleton_key FROM pgboss.job
         WHERE singleton_key IS NOT NULL AND state IN ('active', 'completed') GROUP BY 1, 2 HAVING count(*) > 1) d`,
      )
      .then((r) => Number(r.rows[0].n))
      .catch(() => NaN);

    const replicaLatencies = outcomes.map((o) => o.latencyMs);
    const replicaStatuses = count(outcomes.map((o) => (o.code ? `${o.status} ${o.code}` : o.status)));
    const recorded = once + doubled;
    const baseRate = (baseRun.statuses['201'] ?? 0) / baseRun.seconds;
    const replicaRate = recorded / replicaSeconds;
    const nothingLost = lost === 0 && suspended === suspensions.length && suspensionsRecorded === suspensions.length;
    // A webhook is one notification under one webhook-id: sent again with the same id after a kill (at least once),
    // a Standard Webhooks receiver drops the copy, so only a second id for one notification would double it, and
    // that shows as more distinct ids than suspensions. The re-sends are reported beside it.
    const noneDoubled = doubled === 0 && suspensionsDoubled === 0 && (Number.isNaN(jobDuplicates) || jobDuplicates === 0);
    const allDelivered = deliveredIds === suspended;
    const loadAverage = loadavg().map((n) => round(n, 2));
    const tally = (s: number | null) => (s === null ? 'not within budget' : `${round(s)} s`);

    return {
      id: 'replicas',
      title: '8. Replicas and crashes',
      settings: {
        votes: `${shape.members} members × ${shape.proposals} proposals = ${fmtInt(votes)} pre-signed votes per run (same fixtures as part 2), ${CONCURRENCY} keep-alive connections, closed loop`,
        replicas: `2 APIs + 2 workers (compiled dist/, own processes) on one PostgreSQL; kill -9 of API 1 at ${KILL_API_AT * 100}% and worker 1 at ${KILL_WORKER_AT * 100}% of the votes answered; not restarted`,
        failover:
          'requests spread over the live APIs by connection; a reset/refused connection re-sends the same signed body to the other API',
        notifications: `${shape.suspensions} admin suspensions (Idempotency-Key each) spread evenly over the baseline's vote time, on a second DAO, during the replica votes; webhook '*' to a local receiver answering 204 after ${RECEIVER_DELAY_MS} ms`,
      },
      tables: [
        {
          title: 'Signed votes: one API + one worker vs two of each with kills (same run, same database)',
          columns: ['setup', 'votes sent', 'ballots recorded', 'seconds', 'votes/s', 'p50 ms', 'p99 ms', 'vs 1 + 1', 'statuses'],
          rows: [
            {
              setup: '1 API + 1 worker',
              'votes sent': fmtInt(baseCalls.length),
              'ballots recorded': fmtInt(baseOnce),
              seconds: round(baseRun.seconds),
              'votes/s': fmtInt(baseRate),
              'p50 ms': round(percentile(baseRun.latenciesMs, 50)),
              'p99 ms': round(percentile(baseRun.latenciesMs, 99)),
              'vs 1 + 1': times(1),
              statuses: statusText(baseRun.statuses),
            },
            {
              setup: '2 APIs + 2 workers, kill -9 of one of each',
              'votes sent': fmtInt(replicaCalls.length),
              'ballots recorded': fmtInt(recorded),
              seconds: round(replicaSeconds),
              'votes/s': fmtInt(replicaRate),
              'p50 ms': round(percentile(replicaLatencies, 50)),
              'p99 ms': round(percentile(replicaLatencies, 99)),
              'vs 1 + 1': times(replicaRate / baseRate),
              statuses: statusText(replicaStatuses),
            },
          ],
        },
        {
          title: 'Ballots after the kills (the proposal streams read back)',
          columns: [
            'pre-signed ballots',
            'in the log once',
            'lost (0 times)',
            'doubled (2+ times)',
            're-sent after a dead API',
            're-sent → 201',
            're-sent → 409 already used',
            'read model = log after',
          ],
          rows: [
            {
              'pre-signed ballots': fmtInt(replicaCalls.length),
              'in the log once': fmtInt(once),
              'lost (0 times)': lost,
              'doubled (2+ times)': doubled,
              're-sent after a dead API': resentVotes.length,
              're-sent → 201': resentAccepted,
              're-sent → 409 already used': resentReplayed,
              'read model = log after': tally(replicaTally),
            },
          ],
        },
        {
          title: 'An answered vote sent again (same signed body, after the run, to the surviving API)',
          columns: ['re-sent', 'answers', 'ballots of the run still in the log once'],
          rows: [
            {
              're-sent': replayProbe.length,
              answers: replayText,
              'ballots of the run still in the log once': `${fmtInt(once)} of ${fmtInt(replicaCalls.length)}`,
            },
          ],
        },
        {
          title: 'Side effects: webhook deliveries and jobs',
          columns: ['side effect', 'expected', 'done', 'doubled', 'notes'],
          rows: [
            {
              'side effect': 'webhook deliveries (distinct webhook-id at the receiver)',
              expected: suspended,
              done: deliveredIds,
              doubled: `${deliveredIds - suspended > 0 ? deliveredIds - suspended : 0} (${doubledDeliveries} re-sent under the same id)`,
              notes: `${receiver.received.length} POSTs received; outbox rows ${outboxRows} (${outbox.map((r) => `${r.status} ${r.n}`).join(', ')}); ${retried} with more than one attempt; outbox settled (nothing pending) ${deliveriesWaited === null ? 'not within 100 s' : `${round(deliveriesWaited)} s`} after the votes`,
            },
            {
              'side effect': 'admin suspensions (the writes that notify)',
              expected: suspensions.length,
              done: suspensionsRecorded,
              doubled: suspensionsDoubled,
              notes: `MemberSuspended per member in the DAO stream; ${suspensions.filter((s) => s.resends > 0).length} re-sent after a dead API; statuses ${statusText(count(suspensions.map((s) => s.status)))}`,
            },
            {
              'side effect': 'pg-boss jobs (same singleton key run twice)',
              expected: '',
              done: jobs.map((j) => `${j.state} ${j.n}`).join(', ') || 'none',
              doubled: Number.isNaN(jobDuplicates) ? 'not observable' : jobDuplicates,
              notes: 'the vote load schedules no job that comes due within the run (deadlines are days away, early close off)',
            },
            {
              'side effect': 'chain calls',
              expected: 'n/a',
              done: 'n/a',
              doubled: 'n/a',
              notes: 'the bench runs without a chain (RPC_URL empty): no chain call is made, so none can double',
            },
          ],
        },
        {
          title: 'Peak resident set (VmHWM, read just before the process ended)',
          columns: ['process', 'run', 'ended', 'peak MiB', `≤ ${RSS_TARGET_MIB} MiB`],
          rows: memories.map((m) => ({
            process: m.process,
            run: m.role,
            ended: m.ended,
            'peak MiB': round(m.memory.peakMiB, 1),
            [`≤ ${RSS_TARGET_MIB} MiB`]: m.memory.peakMiB <= RSS_TARGET_MIB ? 'yes' : 'no',
          })),
        },
      ],
      targets: [
        {
          target: '2 APIs + 2 workers, kill -9 of one of each: no side effect doubled, nothing lost',
          measured: `ballots lost ${lost}, doubled ${doubled}; suspensions ${suspensionsRecorded}/${suspensions.length} recorded, ${suspensionsDoubled} doubled; webhooks ${deliveredIds}/${suspended} delivered once each by webhook-id (${doubledDeliveries} re-sent under the same id after the kill); jobs doubled ${Number.isNaN(jobDuplicates) ? 'n/a' : jobDuplicates}; read model = log ${tally(replicaTally)}`,
          met: nothingLost && noneDoubled && allDelivered && replicaTally !== null,
          note: 'chain calls not exercised (no chain in the bench)',
        },
        ...memories.map((m) => ({
          target: `peak RSS ≤ ${RSS_TARGET_MIB} MiB: ${m.process} (${m.role})`,
          measured: `${round(m.memory.peakMiB, 1)} MiB`,
          met: m.memory.peakMiB <= RSS_TARGET_MIB,
        })),
      ],
      notes: [
        `vote rate against one API and one worker: ${fmtInt(baseRate)} votes/s (p99 ${round(percentile(baseRun.latenciesMs, 99))} ms); with two of each and the kills: ${fmtInt(replicaRate)} votes/s (${times(replicaRate / baseRate)}). All processes and the load generator share the same cores, so a second API adds no CPU.`,
        `re-sending a vote whose API died: when the dead API had committed it, the platform refuses the signed message as used (409 SIGNATURE.REPLAYED; ${replayText} for ${replayProbe.length} answered votes sent again) rather than answering it again, so such a vote counts as not lost only because its ballot is in the log exactly once; when it had not, the re-send is accepted (201). The ballot check reads every proposal stream.`,
        'the worker processes take each projection batch under a transaction-scoped try-lock and claim notifications with FOR UPDATE SKIP LOCKED, so both workers work until one is killed; the read-model row is the survivor catching up.',
        `webhook deliveries are at least once: a notification whose POST the killed worker sent but never recorded stays claimed until its 60 s lease lapses, then the surviving worker sends it again with the same webhook-id ("re-sent" counts an id received twice; a receiver following Standard Webhooks drops the second by that id). ${doubledDeliveries} such this run; ${retried} notifications needed a second attempt recorded in the outbox.`,
        `read-model tally caught up for the baseline after ${tally(baseTally)}.`,
        `load average at the end of the part: ${loadAverage.join(' / ')}`,
      ],
      data: {
        baseline: { ...baseRun, latenciesMs: undefined, doneAtSeconds: undefined, rate: baseRate, tallySeconds: baseTally },
        replicas: {
          replayProbe,
          seconds: replicaSeconds,
          rate: replicaRate,
          statuses: replicaStatuses,
          once,
          lost,
          doubled,
          resent: resentVotes.length,
          resentAccepted,
          resentReplayed,
          killedApiAt,
          killedWorkerAt,
          tallySeconds: replicaTally,
        },
        webhooks: {
          expected: suspended,
          deliveredIds,
          posts: receiver.received.length,
          doubledDeliveries,
          outbox,
          retried,
          deliveriesWaited,
        },
        jobs: { states: jobs, duplicates: jobDuplicates },
        memory: memories,
        loadAverage,
      },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await receiver.stop();
    await pool.end();
  }
};
