import { EventNotifications, PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import pino from 'pino';
import { startNotifications } from './notifications/start-notifications';
import { startJobScheduler, type JobScheduler } from './jobs/job-scheduler';
import type { Clock } from './jobs/proposal-job-handlers';
import { proposalDeadlinesSubscription } from './jobs/proposal-deadlines.subscription';
import { startExecution } from './execution/start-execution';
import { ProjectionRunner } from './projections/projection-runner';
import { PROJECTIONS } from './projections/projections';

export interface WorkerDependencies {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly databaseUrl: string;
  /** The jobs' notion of now (tests move it); the wall clock by default. */
  readonly clock?: Clock;
  readonly jobPollingIntervalSeconds?: number;
}

export interface RunningWorker {
  readonly runner: ProjectionRunner;
  /** The process managers (proposal deadlines), run like projections with their own checkpoints. */
  readonly processManagers: ProjectionRunner;
  readonly jobs: JobScheduler;
  readonly stop: () => Promise<void>;
}

/**
 * The worker: keeps projections up to date and runs the proposal jobs (pg-boss), woken by LISTEN/NOTIFY
 * with a polling fallback. Several workers may run against one database; per-projection locks keep each
 * batch single, pg-boss hands each job to one worker, and the domain makes every job idempotent.
 */
export const startWorker = async (deps: WorkerDependencies): Promise<RunningWorker> => {
  const logger = pino({ level: deps.config.logLevel, name: 'worker' });
  const clock = deps.clock ?? (() => new Date());
  const store = new PostgresEventStore(deps.pool);
  const runner = new ProjectionRunner(deps.pool, store, PROJECTIONS, {
    onError: (projection, error) => logger.error({ projection, err: error }, 'projection batch failed; it will be retried'),
  });
  const jobs = await startJobScheduler({
    pool: deps.pool,
    store,
    clock,
    ...(deps.jobPollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: deps.jobPollingIntervalSeconds }),
    onError: (error) => logger.error({ err: error }, 'job failed; pg-boss will retry it'),
  });
  const processManagers = new ProjectionRunner(deps.pool, store, [proposalDeadlinesSubscription(jobs.boss, clock)], {
    onError: (name, error) => logger.error({ processManager: name, err: error }, 'process manager batch failed; it will be retried'),
  });
  const catchUp = () => Promise.all([runner.catchUp(), processManagers.catchUp()]);
  const notifications = new EventNotifications({
    connection: { connectionString: deps.databaseUrl },
    pollIntervalMs: 1000,
    onError: (error) => logger.warn({ err: error }, 'event notifications connection lost; reconnecting'),
  });
  const unsubscribe = notifications.subscribe(() => void catchUp());
  const webhooks = await startNotifications({ pool: deps.pool, store, logger });
  const unsubscribeWebhooks = notifications.subscribe(webhooks.wake);
  await notifications.start();
  await catchUp();
  // Passed proposals through Safe and timelock; null when no chain is configured.
  const execution = await startExecution({ config: deps.config, pool: deps.pool, databaseUrl: deps.databaseUrl, store, logger });
  logger.info({ projections: PROJECTIONS.map((p) => p.name) }, 'worker started');
  return {
    runner,
    processManagers,
    jobs,
    stop: async () => {
      await execution?.stop();
      unsubscribe();
      unsubscribeWebhooks();
      await notifications.stop();
      await webhooks.stop();
      await catchUp();
      await jobs.stop();
    },
  };
};
