// Webhook latency on its own: `node -r ./tools/register.js apps/worker/src/notifications/bench/notifications.bench.ts`
// (BENCH_RATE, default 500/s; BENCH_SECONDS, default 10). A fresh database on DATABASE_URL's server or on an
// embedded PostgreSQL in a temp dir, dropped at the end. Prints p50/p95/p99 from event commit to first delivery attempt.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmptyDatabase, dropDatabase, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@ayllu/platform';
import { measureWebhookLatency } from './webhook-latency';

const main = async () => {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: mkdtempSync(path.join(tmpdir(), 'ayllu-bench-pg-')),
      port: 54000 + Math.floor(Math.random() * 1000),
      database: 'postgres',
    });
    serverUrl = embedded.adminUrl;
  }
  const url = await createEmptyDatabase(serverUrl, `ayllu_bench_webhooks_${Date.now().toString(36)}`);
  try {
    await runMigrations(url);
    const result = await measureWebhookLatency({
      databaseUrl: url,
      ratePerSecond: Number(process.env.BENCH_RATE ?? 500),
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      log: console.log,
    });
    console.log(JSON.stringify(result, null, 2));
    const { p50, p99 } = result.latencyMs;
    console.log(
      `event commit -> first delivery attempt at ${result.ratePerSecond}/s: p50 ${p50} ms, p99 ${p99} ms (${result.delivered}/${result.notifications})`,
    );
    if (result.delivered < result.notifications) process.exitCode = 1;
  } finally {
    await dropDatabase(url);
    await embedded?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
