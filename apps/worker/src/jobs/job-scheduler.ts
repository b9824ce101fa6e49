import type { PostgresEventStore } from '@ayllu/event-store';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { proposalJobHandlers, type Clock, type ProposalJobHandlers } from './proposal-job-handlers';
import { PROPOSAL_QUEUES, type ProposalJobData, type ProposalJobKind } from './proposal-jobs';

export interface JobSchedulerOptions {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

export interface JobScheduler {
  readonly boss: PgBoss;
  readonly handlers: ProposalJobHandlers;
  readonly stop: () => Promise<void>;
}

/**
 * pg-boss in its own schema (`pgboss`) over the worker's pool, one queue per proposal job. A handler that
 * finds its job not yet due throws, so pg-boss retries it later with backoff.
 */
export const startJobScheduler = async (options: JobSchedulerOptions): Promise<JobScheduler> => {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.pool.query(text, values) },
    schema: 'pgboss',
    schedule: false,
  });
  boss.on('error', (error) => options.onError?.(error));
  await installOnce(options.pool, async () => {
    await boss.start();
    for (const queue of Object.values(PROPOSAL_QUEUES))
      if (!(await boss.getQueue(queue)))
        await boss.createQueue(queue, { name: queue, policy: 'short', retryLimit: 20, retryDelay: 5, retryBackoff: true });
  });
  const handlers = proposalJobHandlers(options.store, options.clock);
  for (const [kind, queue] of Object.entries(PROPOSAL_QUEUES) as [ProposalJobKind, string][]) {
    await boss.work<ProposalJobData>(queue, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) {
        const outcome = await handlers[kind](job.data, job.id);
        if (outcome === 'not-due') throw new Error(`${queue} for ${job.data.proposalId} ran before it was due; retrying`);
      }
    });
  }
  return {
    boss,
    handlers,
    stop: () => boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 }),
  };
};

/**
 * Two workers starting at once on a new database deadlock inside pg-boss's queue creation (each creates
 * the queue's partition table): an advisory lock held for the duration lets one install while the other
 * waits, then finds everything in place.
 */
const installOnce = async (pool: Pool, install: () => Promise<void>): Promise<void> => {
  const lock = await pool.connect();
  // Checked out, the client has no 'error' listener: a server restart now must fail the start, not crash it.
  const ignoreError = (): void => undefined;
  lock.on('error', ignoreError);
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('ayllu:pgboss-install'))");
    await install();
  } finally {
    await lock.query("SELECT pg_advisory_unlock(hashtext('ayllu:pgboss-install'))").catch(() => undefined);
    lock.removeListener('error', ignoreError);
    lock.release();
  }
};
