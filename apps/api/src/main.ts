import { NetworkProfileError, openNetwork } from '@ayllu/chain';
import { ConfigError, createPool, loadConfig, resolveAdminKey } from '@ayllu/platform';
import { createApiApp } from './bootstrap';

/** The API on its own (e.g. one replica in docker-compose). `npm start` runs it together with the rest. */
const main = async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required to run the API alone (npm start runs an embedded database)');
  // The chain id and every profile address are checked before anything is served.
  const network = await openNetwork(process.env, config);
  const { key } = resolveAdminKey(config.adminApiKey, config.dataDir);
  const pool = createPool(config.databaseUrl, 20);
  const app = await createApiApp({ config, pool, adminApiKey: key, network });
  await app.listen({ port: config.port, host: config.host });
  const shutdown = async () => {
    await app.close();
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
