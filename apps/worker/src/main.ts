import { NetworkProfileError, openNetwork } from '@ayllu/chain';
import { ConfigError, createPool, loadConfig } from '@ayllu/platform';
import { startWorker } from './worker';

/** The worker on its own (e.g. replicas in docker-compose). `npm start` runs it together with the rest. */
const main = async () => {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new ConfigError('DATABASE_URL', 'is required to run the worker alone (npm start runs an embedded database)');
  // The chain id and every profile address are checked before anything runs.
  const network = await openNetwork(process.env, config);
  const pool = createPool(config.databaseUrl, 10);
  const worker = await startWorker({ config, pool, databaseUrl: config.databaseUrl, network });
  const shutdown = async () => {
    await worker.stop();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof NetworkProfileError ? error.message : error);
  process.exit(1);
});
