// `npm run migration:run`: applies pending TypeORM migrations to DATABASE_URL (or the embedded database).
import { ConfigError, loadConfig, runMigrations, startEmbeddedPostgres } from '@ayllu/platform';

const main = async () => {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  try {
    const applied = await runMigrations(config.databaseUrl ?? embedded!.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date');
  } finally {
    await embedded?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
