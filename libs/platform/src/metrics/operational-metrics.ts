import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';

/**
 * Gauges read from the database when Prometheus scrapes: the same figures whichever process (API or worker,
 * any replica) is asked, so a dashboard can scrape any of them.
 * - `ayllu_processor_lag_events{processor}`: events in the log after the processor's checkpoint;
 * - `ayllu_quarantined_streams{processor}`: streams a processor set aside until an admin resumes them;
 * - `ayllu_notifications{status}`: webhook deliveries pending, delivered and dead (the outbox backlog);
 * - `ayllu_execution_items{kind, state}`: proposals and DAO deployments due, waiting, failing (last step erred);
 * - `ayllu_chain_calls{status}`: keyed chain calls by status (sent but unconfirmed, failed, confirmed).
 * One scrape runs one query per family; each reads small tables or indexes.
 */
export function registerOperationalMetrics(registry: Registry, pool: Pool): void {
  new Gauge({
    name: 'ayllu_processor_lag_events',
    help: "Events appended after the processor's checkpoint",
    labelNames: ['processor'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ name: string; lag: string }>(
        `SELECT c.name, greatest((SELECT coalesce(max(global_position), 0) FROM events) - c.position, 0)::text AS lag
         FROM projection_checkpoints c`,
      );
      this.reset();
      for (const row of rows) this.set({ processor: row.name }, Number(row.lag));
    },
  });
  new Gauge({
    name: 'ayllu_quarantined_streams',
    help: 'Streams a processor has set aside until an admin resumes them',
    labelNames: ['processor'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ processor: string; n: number }>(
        'SELECT processor, count(*)::int AS n FROM processor_quarantines WHERE resume_requested_at IS NULL GROUP BY processor',
      );
      this.reset();
      for (const row of rows) this.set({ processor: row.processor }, row.n);
    },
  });
  new Gauge({
    name: 'ayllu_notifications',
    help: 'Webhook deliveries by status (pending is the outbox backlog)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM notifications GROUP BY status',
      );
      this.reset();
      for (const status of ['pending', 'delivered', 'dead']) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'ayllu_execution_items',
    help: 'Passed proposals and DAO deployments in the execution stepper: due now, waiting for a time or an event, failing',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ kind: string; state: string; n: number }>(
        `SELECT kind, state, count(*)::int AS n FROM (
           SELECT 'proposal' AS kind, proposal_id AS id, due_at, last_error FROM execution_processes
           UNION ALL SELECT 'dao', dao_id, due_at, last_error FROM execution_daos) items
         CROSS JOIN LATERAL (SELECT CASE WHEN last_error IS NOT NULL THEN 'failing'
                                         WHEN due_at IS NOT NULL AND due_at <= now() THEN 'due'
                                         WHEN due_at IS NOT NULL THEN 'waiting' ELSE 'idle' END AS state) s
         GROUP BY kind, state`,
      );
      this.reset();
      for (const kind of ['proposal', 'dao'])
        for (const state of ['due', 'waiting', 'failing', 'idle'])
          this.set({ kind, state }, rows.find((r) => r.kind === kind && r.state === state)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'ayllu_chain_calls',
    help: 'Keyed chain calls (one per intended on-chain effect) by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM chain_calls GROUP BY status',
      );
      this.reset();
      for (const row of rows) this.set({ status: row.status }, row.n);
    },
  });
}
