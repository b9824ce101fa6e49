import type { Pool } from 'pg';

/** Tables no request may change as a side effect of being refused (pg-boss keeps its own schema). */
const TABLES_SQL = `
  SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('migrations', 'typeorm_metadata', 'faults_row_writes')`;

export interface StateFingerprint {
  readonly events: number;
  /** Rows inserted, updated or deleted so far, per table (committed transactions only). */
  readonly tables: Record<string, number>;
}

/**
 * Everything a request could have written, reduced to a comparable value: the event count and, per table (event
 * store, idempotency keys, read models, notifications, execution), how many rows committed transactions have
 * inserted, updated or deleted. A row trigger on every table records each row written in `faults_row_writes`, in the
 * writer's own transaction: a write rolled back leaves nothing, an UPDATE that rewrites a row with the same values
 * still counts, and taking the fingerprint costs the same however large the tables grow (hashing every row of every
 * table made each check slower than the last). Installed once per test database.
 */
export const stateFingerprinter = async (pool: Pool): Promise<() => Promise<StateFingerprint>> => {
  const tables = (await pool.query<{ table_name: string }>(TABLES_SQL)).rows.map((r) => r.table_name);
  await pool.query(`
    CREATE UNLOGGED TABLE IF NOT EXISTS faults_row_writes (table_name text NOT NULL);
    CREATE OR REPLACE FUNCTION faults_count_row_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO faults_row_writes (table_name) VALUES (TG_TABLE_NAME);
      RETURN NULL;
    END $$;
    ${tables
      .map(
        (t) => `DROP TRIGGER IF EXISTS faults_count_row_write ON "${t}";
    CREATE TRIGGER faults_count_row_write AFTER INSERT OR UPDATE OR DELETE ON "${t}"
      FOR EACH ROW EXECUTE FUNCTION faults_count_row_write();`,
      )
      .join('\n')}`);
  return async () => {
    const [events, writes] = await Promise.all([
      pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`),
      pool.query<{ table_name: string; n: number }>(
        `SELECT table_name, count(*)::int AS n FROM faults_row_writes GROUP BY table_name ORDER BY table_name`,
      ),
    ]);
    return { events: events.rows[0].n, tables: Object.fromEntries(writes.rows.map((r) => [r.table_name, r.n])) };
  };
};
