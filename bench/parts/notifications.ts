import { request } from 'node:http';
import { createEmptyDatabase, dropDatabase, runMigrations } from '@ayllu/platform';
import { measureWebhookLatency } from '../../apps/worker/src/notifications/bench/webhook-latency';
import { Receiver } from '../../apps/worker/src/notifications/testing/receiver';
import { percentile, round } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';

const TARGET_P99_MS = 1_000;

/** One POST of a small JSON body; resolves with its round trip in ms. */
const post = (url: string, body: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', reject);
    req.end(body);
  });

/**
 * The floor under a webhook: bare HTTP POSTs of a webhook-sized body to the same kind of local receiver, at the
 * same rate, with no log, outbox or dispatcher in between.
 */
const bareHttpLatency = async (ratePerSecond: number, seconds: number) => {
  const receiver = await new Receiver().start();
  const body = JSON.stringify({ type: 'member.suspended', data: { reason: 'x'.repeat(400) } });
  try {
    const started = performance.now();
    const sends: Promise<number>[] = [];
    for (let i = 0; i < ratePerSecond * seconds; i++) {
      const wait = started + (i * 1000) / ratePerSecond - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sends.push(post(receiver.url, body));
    }
    const latencies = await Promise.all(sends);
    return { p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1) };
  } finally {
    await receiver.stop();
  }
};

/**
 * Part 7. Notifications: from an event's commit to the first delivery attempt of its webhook, at a steady
 * 500 notifications/s (the worker's outbox and dispatcher woken by LISTEN/NOTIFY, a real local receiver), in a
 * database of its own so the other parts' events are not in its outbox. Beside it, bare HTTP POSTs at the
 * same rate: the transport's own floor in this run.
 */
export const runNotifications = async (ctx: BenchContext): Promise<PartResult> => {
  const started = Date.now();
  const ratePerSecond = 500;
  const seconds = ctx.full ? 30 : 10;
  const url = await createEmptyDatabase(ctx.databaseUrl, `ayllu_bench_webhooks_${Date.now().toString(36)}`);
  try {
    await runMigrations(url);
    const bare = await bareHttpLatency(ratePerSecond, seconds);
    const result = await measureWebhookLatency({ databaseUrl: url, ratePerSecond, seconds, log: ctx.log });
    const { p50, p95, p99, max } = result.latencyMs;
    const all = result.delivered === result.notifications;
    return {
      id: 'notifications',
      title: '7. Notifications',
      settings: { rate: `${ratePerSecond}/s`, seconds, receiver: 'local HTTP server answering 204', endpoints: 1 },
      tables: [
        {
          title: 'Event commit → first delivery attempt',
          columns: ['path', 'sent', 'delivered', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
          rows: [
            {
              path: 'Ayllu: log → outbox → dispatcher → POST',
              sent: result.notifications,
              delivered: result.delivered,
              'p50 ms': p50,
              'p95 ms': p95,
              'p99 ms': p99,
              'max ms': max,
            },
            {
              path: 'baseline: bare HTTP POST at the same rate',
              sent: ratePerSecond * seconds,
              delivered: ratePerSecond * seconds,
              'p50 ms': bare.p50,
              'p95 ms': '',
              'p99 ms': bare.p99,
              'max ms': '',
            },
          ],
        },
        {
          title: 'Where the time goes (medians)',
          columns: ['event recorded → outbox row ms', 'outbox row → attempt ms', 'HTTP exchange ms'],
          rows: [
            {
              'event recorded → outbox row ms': result.stagesMs.outbox,
              'outbox row → attempt ms': result.stagesMs.claim,
              'HTTP exchange ms': result.stagesMs.http,
            },
          ],
        },
      ],
      targets: [
        {
          target: `p99 commit → first attempt ≤ ${TARGET_P99_MS} ms at ${ratePerSecond}/s, every notification delivered`,
          measured: `p99 ${p99} ms (bare POST p99 ${bare.p99} ms), ${result.delivered}/${result.notifications} delivered`,
          met: all && p99 <= TARGET_P99_MS,
        },
      ],
      notes: [`load average during the part: ${result.loadAverage.join(' / ')}`],
      data: { result, bare },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await dropDatabase(url);
  }
};
