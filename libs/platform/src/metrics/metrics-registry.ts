import type { Pool } from 'pg';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { registerOperationalMetrics } from './operational-metrics';

/**
 * A process's Prometheus registry: Node's own figures (CPU, memory, event-loop lag, GC) labelled with the
 * process (`api` or `worker`), and the platform's operational gauges read from the database.
 */
export function createMetricsRegistry(processName: 'api' | 'worker', pool: Pool): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry, prefix: 'ayllu_' });
  registerOperationalMetrics(registry, pool);
  return registry;
}
