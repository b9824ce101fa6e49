import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createEmptyDatabase, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@ayllu/platform';
import { compileContracts } from '../libs/chain/src/local/compile-contracts';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * One PostgreSQL server for the run: the one DATABASE_URL names (CI), or an embedded one in a temporary
 * directory. A migrated template database is made once; each test file copies it (test/support/database.ts).
 */
export default async function setup(): Promise<void> {
  // Once, before any file starts a chain: files deploy contracts from the artifacts in parallel.
  compileContracts({ keepAbiModules: true });
  process.env.AYLLU_CONTRACTS_COMPILED = '1';
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'ayllu-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    serverUrl = embedded.adminUrl;
  }
  const runId = `ayllu_t${Date.now().toString(36)}${process.pid.toString(36)}`;
  const templateUrl = await createEmptyDatabase(serverUrl, `${runId}_template`);
  await runMigrations(templateUrl);
  process.env.AYLLU_TEST_TEMPLATE_URL = templateUrl;
  process.env.AYLLU_TEST_RUN_ID = runId;
  (globalThis as Record<string, unknown>).__ayllu_pg__ = { embedded, templateUrl };
}
