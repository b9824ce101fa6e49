import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { EventNotifications, PostgresEventStore } from '@ayllu/event-store';
import { WebhookEndpoints, type NetworkClass } from '@ayllu/notifications';
import { Pool } from 'pg';
import pino from 'pino';
import { startNotifications } from '../start-notifications';
import { Receiver } from '../testing/receiver';

export interface WebhookLatencyOptions {
  /** A migrated database of the benchmark's own. */
  readonly databaseUrl: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly log?: (message: string) => void;
}

export interface WebhookLatencyResult {
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly notifications: number;
  readonly delivered: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  /** Where the time goes (medians, ms): event recorded → outbox row, outbox row → attempt, the HTTP exchange. */
  readonly stagesMs: { readonly outbox: number; readonly claim: number; readonly http: number };
  readonly loadAverage: readonly number[];
}

const DAO = 'dao_0000000000000000000000000001';
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const round = (n: number) => Number(n.toFixed(1));

/**
 * Latency from an event's commit to the first delivery attempt of its notification, at a steady rate:
 * events appended as the API would, the worker's outbox and dispatcher woken by LISTEN/NOTIFY, a real
 * local HTTP receiver timing each arrival.
 */
export const measureWebhookLatency = async (options: WebhookLatencyOptions): Promise<WebhookLatencyResult> => {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 20 });
  const store = new PostgresEventStore(pool);
  const config = { allowedNetworks: new Set<NetworkClass>(['loopback']), secretsKey: randomBytes(32) };
  const committedAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  const receiver = await new Receiver().start();
  receiver.reply = (request) => {
    const position = String(request.headers['ayllu-log-position']);
    if (!arrivedAt.has(position)) arrivedAt.set(position, performance.now());
    return { status: 204 };
  };
  await new WebhookEndpoints(pool, config.secretsKey).create(
    { daoId: DAO, url: receiver.url, events: '*', format: 'standard', description: 'bench' },
    new Date(),
  );
  const notifications = await startNotifications({
    pool,
    store,
    logger: pino({ level: 'warn', name: 'bench' }),
    config,
    publicUrl: 'http://127.0.0.1:3000',
  });
  const wakeups = new EventNotifications({ connection: { connectionString: options.databaseUrl }, pollIntervalMs: 1000 });
  wakeups.subscribe(notifications.wake);
  await wakeups.start();
  const total = options.ratePerSecond * options.seconds;
  options.log?.(`webhook latency: ${options.ratePerSecond}/s for ${options.seconds} s`);
  try {
    const started = performance.now();
    const appends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / options.ratePerSecond - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const now = new Date().toISOString();
      appends.push(
        store
          .append(
            // One stream per event: concurrent appends to one stream would conflict on its version.
            [
              {
                streamId: `bench-${i}`,
                expectedVersion: 'no-stream',
                events: [
                  {
                    type: 'MemberSuspended',
                    data: {
                      daoId: DAO,
                      member: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
                      reason: `bench ${i}`,
                      suspendedBy: 'admin:bench',
                      suspendedAt: now,
                    },
                  },
                ],
              },
            ],
            { actor: 'admin:bench', correlationId: randomUUID(), occurredAt: now },
          )
          .then(({ events }) => {
            committedAt.set(events[0].position.toString(), performance.now());
          }),
      );
    }
    await Promise.all(appends);
    const deadline = performance.now() + 60_000;
    while (arrivedAt.size < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const latencies = [...committedAt].flatMap(([position, committed]) => {
      const arrived = arrivedAt.get(position);
      return arrived === undefined ? [] : [Math.max(0, arrived - committed)];
    });
    const sorted = latencies.sort((a, b) => a - b);
    const { rows } = await pool.query<{ outbox: number | null; claim: number | null; http: number | null }>(`SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - e.recorded_at)) * 1000 AS outbox,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - n.created_at)) * 1000 AS claim,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms) AS http
      FROM notifications n JOIN events e ON e.global_position = n.log_position
      JOIN notification_attempts a ON a.notification_id = n.id AND a.attempt = 1`);
    return {
      ratePerSecond: options.ratePerSecond,
      seconds: options.seconds,
      notifications: total,
      delivered: sorted.length,
      latencyMs: {
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted.at(-1) ?? NaN),
      },
      stagesMs: { outbox: round(Number(rows[0].outbox)), claim: round(Number(rows[0].claim)), http: round(Number(rows[0].http)) },
      loadAverage: loadavg().map(round),
    };
  } finally {
    await wakeups.stop();
    await notifications.stop();
    await receiver.stop();
    await pool.end();
  }
};
