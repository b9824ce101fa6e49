// `npm run bench`: latency from event commit to the first delivery attempt, at a steady 500 notifications/s.
// A real PostgreSQL (DATABASE_URL, else an embedded one in a temp dir), the worker's outbox and dispatcher
// woken by LISTEN/NOTIFY, and a real local HTTP receiver. Prints p50/p95/p99/max; writes bench/results/notifications.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { EventNotifications, PostgresEventStore } from '@ayllu/event-store';
import { WebhookEndpoints, type NetworkClass } from '@ayllu/notifications';
import { createEmptyDatabase, dropDatabase, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@ayllu/platform';
import { Pool } from 'pg';
import pino from 'pino';
import { Receiver } from '../testing/receiver';
import { startNotifications } from '../start-notifications';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DAO = 'dao_0000000000000000000000000001';

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const main = async () => {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), 'ayllu-bench-pg-')), port: 54000 + Math.floor(Math.random() * 1000), database: 'postgres' });
    serverUrl = embedded.adminUrl;
  }
  const url = await createEmptyDatabase(serverUrl, `ayllu_bench_${Date.now().toString(36)}`);
  await runMigrations(url);
  const pool = new Pool({ connectionString: url, max: 20 });
  const store = new PostgresEventStore(pool);
  const config = { allowedNetworks: new Set<NetworkClass>(['loopback']), secretsKey: randomBytes(32) };
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const receiver = await new Receiver().start();
  receiver.reply = (request) => {
    const position = String(request.headers['ayllu-log-position']);
    const committed = committedAt.get(position);
    if (committed !== undefined && !request.headers['x-seen']) {
      latencies.push(performance.now() - committed);
      committedAt.delete(position);
    }
    return { status: 204 };
  };
  receiver.received.length = 0;
  await new WebhookEndpoints(pool, config.secretsKey).create({ daoId: DAO, url: receiver.url, events: '*', format: 'standard', description: 'bench' }, new Date());

  const logger = pino({ level: 'warn', name: 'bench' });
  const notifications = await startNotifications({ pool, store, logger, config });
  const wakeups = new EventNotifications({ connection: { connectionString: url }, pollIntervalMs: 1000 });
  wakeups.subscribe(notifications.wake);
  await wakeups.start();

  const total = RATE * SECONDS;
  const started = performance.now();
  const appends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    appends.push(
      store
        .append(
          [
            {
              // One stream per event: concurrent appends to one stream would conflict on its version.
              streamId: `bench-${i}`,
              expectedVersion: 'no-stream',
              events: [{ type: 'MemberSuspended', data: { daoId: DAO, member: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', reason: `bench ${i}`, suspendedBy: 'admin:bench', suspendedAt: new Date().toISOString() } }],
            },
          ],
          { actor: 'admin:bench', correlationId: randomUUID(), occurredAt: new Date().toISOString() },
        )
        .then(({ events }) => {
          committedAt.set(events[0]!.position.toString(), performance.now());
        }),
    );
  }
  await Promise.all(appends);
  const sentBy = performance.now();
  while (latencies.length < total && performance.now() - sentBy < 30_000) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;

  if (process.env.BENCH_DEBUG) {
    const { rows } = await pool.query(`SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - e.recorded_at)) AS outbox_p50,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - n.created_at)) AS claim_p50,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms) AS http_p50
      FROM notifications n JOIN events e ON e.global_position = n.log_position JOIN notification_attempts a ON a.notification_id = n.id`);
    console.log(rows[0]);
  }
  await wakeups.stop();
  await notifications.stop();
  await receiver.stop();
  await pool.end();
  await dropDatabase(url);
  await embedded?.stop();

  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    ratePerSecond: RATE,
    seconds: SECONDS,
    notifications: total,
    delivered: latencies.length,
    elapsedSeconds: Number(elapsed.toFixed(2)),
    latencyMs: {
      p50: Number(percentile(sorted, 50).toFixed(1)),
      p95: Number(percentile(sorted, 95).toFixed(1)),
      p99: Number(percentile(sorted, 99).toFixed(1)),
      max: Number(sorted[sorted.length - 1]!.toFixed(1)),
    },
    measuredAt: new Date().toISOString(),
    database: embedded ? 'embedded' : 'DATABASE_URL',
  };
  console.log(`event commit -> first delivery attempt, ${RATE}/s for ${SECONDS} s (${result.delivered}/${total} delivered)`);
  console.log(`p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms  max ${result.latencyMs.max} ms`);
  const out = path.join(__dirname, '../../../../../bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'notifications.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (result.delivered < total) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
