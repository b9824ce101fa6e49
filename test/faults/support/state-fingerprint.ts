import type { Pool } from 'pg';

/** Tables no request may change as a side effect of being refused (pg-boss keeps its own schema). */
const TABLES_SQL = `
  SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'typeorm_metadata')
  ORDER BY table_name`;

export interface StateFingerprint {
  readonly events: number;
  /** One md5 per table over every row's text, in a stable order. */
  readonly tables: Record<string, string>;
}

/**
 * Everything a request could have written, reduced to a comparable value: the event count and a checksum of
 * every table (event store, idempotency keys, read models, notifications, execution). Built once per pool.
 */
export const stateFingerprinter = async (pool: Pool): Promise<() => Promise<StateFingerprint>> => {
  const tables = (await pool.query<{ table_name: string }>(TABLES_SQL)).rows.map((r) => r.table_name);
  const sql = `SELECT (SELECT count(*)::int FROM events) AS events, ${tables
    .map((t, i) => `(SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${t}" x) AS t${i}`)
    .join(', ')}`;
  return async () => {
    const row = (await pool.query(sql)).rows[0] as Record<string, string | number>;
    return {
      events: row.events as number,
      tables: Object.fromEntries(tables.map((t, i) => [t, row[`t${i}`] as string])),
    };
  };
};
