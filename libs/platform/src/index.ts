export { ConfigError, loadConfig } from './config/load-config';
export type { AppConfig, Environment } from './config/load-config';
export { adminKeyId, adminKeyMatches, resolveAdminKey } from './config/admin-key';
export type { ResolvedAdminKey } from './config/admin-key';
export { ensureDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
export type { EmbeddedDatabase } from './database/embedded-postgres';
export { createDataSource, MIGRATIONS, runMigrations } from './database/migrations';
export { createDatabaseFromTemplate, createEmptyDatabase, dropDatabase, withDatabase } from './database/test-databases';
export { createPool } from './database/create-pool';
