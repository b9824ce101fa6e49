import { ConfigError, loadConfig, resolveAdminKey } from '@ayllu/platform';
import { Pool } from 'pg';
import { createApiApp } from './bootstrap';

/** The API on its own (e.g. one replica in docker-compose). `npm start` runs it together with the rest. */
const main = async () => {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required to run the API alone (npm start runs an embedded database)');
  const { key } = resolveAdminKey(config.adminApiKey, config.dataDir);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 20 });
  // An idle connection dropped by the server (restart, failover) must not take the process down.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const app = await createApiApp({ config, pool, adminApiKey: key });
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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
