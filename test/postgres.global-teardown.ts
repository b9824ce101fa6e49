import { Client } from 'pg';
import { dropDatabase, withDatabase, type EmbeddedDatabase } from '@ayllu/platform';

/** Drops every database this run created (the CI server outlives the run), then stops an embedded server. */
export default async function teardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__ayllu_pg__ as
    { embedded: EmbeddedDatabase | null; templateUrl: string } | undefined;
  if (!state) return;
  const runId = process.env.AYLLU_TEST_RUN_ID!;
  const admin = new Client({ connectionString: withDatabase(state.templateUrl, 'postgres') });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`, [
    `${runId}%`,
  ]);
  await admin.end();
  for (const { datname } of rows) await dropDatabase(withDatabase(state.templateUrl, datname));
  await state.embedded?.stop();
}
