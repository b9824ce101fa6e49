import { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { LogProcessor } from '../../../apps/worker/src/processing/log-processor';
import { PROJECTIONS } from '../../../apps/worker/src/projections/projections';

const checksum = async (pool: Pool, tables: readonly string[]): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await pool.query<{ sum: string; n: number }>(
      `SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS sum, count(*)::int AS n FROM ${t} x`,
    );
    out[t] = `${rows[0].n}:${rows[0].sum}`;
  }
  return out;
};

/** Every projection's checkpoint (and those of `others`, e.g. the outbox) has reached the last committed event. */
export const projectionsAtHead = async (pool: Pool, others: readonly string[] = []): Promise<boolean> => {
  const { rows } = await pool.query<{ behind: number }>(
    `SELECT count(*)::int AS behind FROM unnest($1::text[]) AS p(name)
     LEFT JOIN projection_checkpoints c ON c.name = p.name
     WHERE coalesce(c.position, 0) < (SELECT coalesce(max(global_position), 0) FROM events)`,
    [[...PROJECTIONS.map((p) => p.name), ...others]],
  );
  return rows[0].behind === 0;
};

/**
 * The read models as the worker left them, then as a rebuild from the log makes them. Equal means the
 * worker lost nothing and applied nothing twice. Run with no worker running (the rebuild rewrites them).
 */
export const readModelsAndRebuild = async (pool: Pool): Promise<{ kept: Record<string, string>; rebuilt: Record<string, string> }> => {
  const tables = PROJECTIONS.flatMap((p) => p.tables);
  const kept = await checksum(pool, tables);
  const runner = new LogProcessor(pool, new PostgresEventStore(pool), PROJECTIONS, { batchSize: 2000 });
  await runner.rebuild(PROJECTIONS);
  return { kept, rebuilt: await checksum(pool, tables) };
};

/** Streams whose versions are not exactly 1..n: a half-written append would show here. */
export const brokenStreams = async (pool: Pool): Promise<string[]> => {
  const { rows } = await pool.query<{ stream_id: string }>(
    `SELECT stream_id FROM events GROUP BY stream_id HAVING count(*) <> max(version) OR min(version) <> 1`,
  );
  return rows.map((r) => r.stream_id);
};
