import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createEmptyDatabase, dropDatabase, runMigrations, startEmbeddedPostgres } from '@ayllu/platform';

export interface BenchDatabase {
  readonly url: string;
  /** Where it runs: `DATABASE_URL` or a fresh embedded cluster. */
  readonly origin: string;
  readonly settings: Record<string, string>;
  readonly close: () => Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });

const SETTINGS = ['server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'work_mem'];

const readSettings = async (url: string): Promise<Record<string, string>> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
      [SETTINGS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end();
  }
};

/**
 * A fresh, migrated database for one run: on the server of `DATABASE_URL` when it is set, otherwise on an
 * embedded PostgreSQL cluster initialised in a temporary directory. `close` drops the database (and stops
 * and deletes the embedded cluster), so no run sees another's rows.
 */
export const openBenchDatabase = async (log: (m: string) => void): Promise<BenchDatabase> => {
  const name = `ayllu_bench_${randomBytes(4).toString('hex')}`;
  const given = process.env.DATABASE_URL;
  if (given) {
    const url = await createEmptyDatabase(given, name);
    await runMigrations(url);
    return {
      url,
      origin: 'DATABASE_URL server',
      settings: await readSettings(url),
      close: () => dropDatabase(url),
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ayllu-bench-pg-'));
  const port = await freePort();
  log(`starting embedded PostgreSQL on port ${port} in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir, port, database: name });
  await runMigrations(server.url);
  return {
    url: server.url,
    origin: `embedded PostgreSQL (fresh cluster, port ${port})`,
    settings: await readSettings(server.url),
    close: async () => {
      await dropDatabase(server.url).catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
