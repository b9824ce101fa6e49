import { Pool } from 'pg';
import { PostgresEventStore } from '@ayllu/event-store';
import { LogProcessor } from '../apps/worker/src/processing/log-processor';
import { PROJECTIONS } from '../apps/worker/src/projections/projections';
import { openBenchDatabase } from './harness/database';
import { seedGovernanceLog } from './parts/governance-history';

const main = async () => {
  const db = await openBenchDatabase(console.log);
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    const store = new PostgresEventStore(pool);
    await seedGovernanceLog(store, Number(process.env.N ?? 200_000), { members: 100, proposalsPerDao: 10 });
    await pool.query('VACUUM ANALYZE events');
    let t = Date.now();
    let after = '0';
    for (;;) {
      const b = await pool.query('SELECT global_position, transaction_id, stream_id, version, type, data, metadata, recorded_at FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 2000', [after]);
      if (b.rows.length === 0) break;
      after = b.rows[b.rows.length - 1].global_position;
    }
    console.log('scan', Date.now() - t);
    const runner = new LogProcessor(pool, store, PROJECTIONS, { batchSize: 2000 });
    const t0 = Date.now();
    if (process.env.ALL) { await (runner as any).rebuildAll(PROJECTIONS); console.log('all', Date.now() - t0); }
    else for (const p of PROJECTIONS) { t = Date.now(); await runner.rebuild(p); console.log(p.name, Date.now() - t); }
    console.log('total', Date.now() - t0);
  } finally { await pool.end(); await db.close(); }
};
main().catch((e) => { console.error(e); process.exit(1); });
