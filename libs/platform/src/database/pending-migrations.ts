import type { Pool } from 'pg';
import { MIGRATIONS } from './migrations';

/** The schema changes this build expects that the database has not had yet (empty when it is up to date). */
export async function pendingMigrations(pool: Pool): Promise<string[]> {
  const exists = await pool.query<{ present: boolean }>(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`);
  const applied = exists.rows[0]?.present
    ? new Set((await pool.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name))
    : new Set<string>();
  return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
}
