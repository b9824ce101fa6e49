import { EventNotifications, PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import pino from 'pino';
import { startNotifications } from './notifications/start-notifications';
import { startExecution } from './execution/start-execution';
import { ProjectionRunner } from './projections/projection-runner';
import { PROJECTIONS } from './projections/projections';

export interface WorkerDependencies {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly databaseUrl: string;
}

export interface RunningWorker {
  readonly runner: ProjectionRunner;
  readonly stop: () => Promise<void>;
}

/**
 * The worker: keeps projections up to date, woken by LISTEN/NOTIFY with a polling fallback. Several
 * workers may run against one database; per-projection locks keep each batch single.
 */
export const startWorker = async (deps: WorkerDependencies): Promise<RunningWorker> => {
  const logger = pino({ level: deps.config.logLevel, name: 'worker' });
  const store = new PostgresEventStore(deps.pool);
  const runner = new ProjectionRunner(deps.pool, store, PROJECTIONS, {
    onError: (projection, error) => logger.error({ projection, err: error }, 'projection batch failed; it will be retried'),
  });
  const notifications = new EventNotifications({
    connection: { connectionString: deps.databaseUrl },
    pollIntervalMs: 1000,
    onError: (error) => logger.warn({ err: error }, 'event notifications connection lost; reconnecting'),
  });
  const unsubscribe = notifications.subscribe(() => void runner.catchUp());
  const webhooks = await startNotifications({ pool: deps.pool, store, logger });
  const unsubscribeWebhooks = notifications.subscribe(webhooks.wake);
  await notifications.start();
  await runner.catchUp();
  // Passed proposals through Safe and timelock (issue 5); null when no chain is configured.
  const execution = await startExecution({ config: deps.config, pool: deps.pool, databaseUrl: deps.databaseUrl, store, logger });
  logger.info({ projections: PROJECTIONS.map((p) => p.name) }, 'worker started');
  return {
    runner,
    stop: async () => {
      await execution?.stop();
      unsubscribe();
      unsubscribeWebhooks();
      await notifications.stop();
      await webhooks.stop();
    },
  };
};
