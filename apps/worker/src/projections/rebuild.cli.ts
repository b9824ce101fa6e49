// `npm run projections:rebuild -- <name>... | all`: empties the projections' tables and replays the whole log into
// them in one pass.
// Safe beside running workers: the projections' locks keep their batches out for the whole rebuild.
import { PostgresEventStore } from '@ayllu/event-store';
import { ConfigError, loadConfig, startEmbeddedPostgres } from '@ayllu/platform';
import { SingleBar, Presets } from 'cli-progress';
import { Pool } from 'pg';
import { LogProcessor } from '../processing/log-processor';
import { PROJECTIONS } from './projections';

const main = async () => {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => name !== 'all' && !PROJECTIONS.some((p) => p.name === name));
  if (asked.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) console.error(`No projection named ${unknown.join(', ')}.`);
    console.error(`Usage: npm run projections:rebuild -- <name>... | all   (names: ${PROJECTIONS.map((p) => p.name).join(', ')})`);
    process.exit(2);
  }
  const projections = asked.includes('all') ? PROJECTIONS : PROJECTIONS.filter((p) => asked.includes(p.name));
  const label = projections.map((p) => p.name).join(', ');
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  const pool = new Pool({ connectionString: config.databaseUrl ?? embedded!.url });
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left` },
      Presets.shades_classic,
    );
    bar.start(Number(rows[0].n), 0);
    const started = Date.now();
    const log = new LogProcessor(pool, new PostgresEventStore(pool), projections, { batchSize: 2000 });
    const read = await log.rebuild(projections, (n) => bar.update(n));
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Rebuilt ${label} from ${read} events in ${seconds.toFixed(1)} s`);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
