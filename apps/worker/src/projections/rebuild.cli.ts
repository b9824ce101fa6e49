// `npm run projections:rebuild -- <name>`: empties one projection's tables and replays the whole log into it.
// Safe beside running workers: the projection's lock keeps their batches out while it is reset.
import { PostgresEventStore } from '@ayllu/event-store';
import { ConfigError, loadConfig, startEmbeddedPostgres } from '@ayllu/platform';
import { SingleBar, Presets } from 'cli-progress';
import { Pool } from 'pg';
import { LogProcessor } from '../processing/log-processor';
import { PROJECTIONS } from './projections';

const main = async () => {
  const name = process.argv[2];
  const projection = PROJECTIONS.find((p) => p.name === name);
  if (!projection) {
    console.error(`Usage: npm run projections:rebuild -- <name>   (one of: ${PROJECTIONS.map((p) => p.name).join(', ')})`);
    process.exit(2);
  }
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  const pool = new Pool({ connectionString: config.databaseUrl ?? embedded!.url });
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const bar = new SingleBar(
      { format: `${projection.name} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left` },
      Presets.shades_classic,
    );
    bar.start(Number(rows[0].n), 0);
    const started = Date.now();
    const log = new LogProcessor(pool, new PostgresEventStore(pool), [projection], { batchSize: 2000 });
    const read = await log.rebuild(projection, (n) => bar.update(n));
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Rebuilt ${projection.name} from ${read} events in ${seconds.toFixed(1)} s`);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
