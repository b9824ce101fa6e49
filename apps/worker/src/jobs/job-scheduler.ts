import type { PostgresEventStore } from '@ayllu/event-store';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { PAYOUT_CLAIM_QUEUE, PAYOUT_CLAIM_RETRY_LIMIT, type PayoutClaimJobData } from '@ayllu/platform';
import { proposalJobHandlers, type Clock, type ProposalJobHandlers } from './proposal-job-handlers';
import { expireJoinRequestJob, JOIN_REQUEST_EXPIRY_QUEUE, type JoinRequestExpiryJob } from './join-request-expiry';
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
  /** Runs a join request's lapse now (tests; the queue's jobs call the same). */
  readonly expireJoinRequest: ReturnType<typeof expireJoinRequestJob>;
  /**
   * Starts taking payout-claim jobs (only a worker with a chain and a relayer does). `run` records the outcome;
   * it throws on a transport error, and the job is retried; on its last attempt `onGiveUp` records the failure.
   */
  readonly workPayoutClaims: (
    run: (data: PayoutClaimJobData, jobId: string) => Promise<unknown>,
    onGiveUp: (data: PayoutClaimJobData, jobId: string, error: unknown) => Promise<void>,
  ) => Promise<void>;
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
    if (!(await boss.getQueue(JOIN_REQUEST_EXPIRY_QUEUE)))
      await boss.createQueue(JOIN_REQUEST_EXPIRY_QUEUE, {
        name: JOIN_REQUEST_EXPIRY_QUEUE,
        policy: 'short',
        retryLimit: 20,
        retryDelay: 5,
        retryBackoff: true,
      });
    // `short`: one waiting job per singleton key (DAO, GDA pool and member), so parallel claim requests collapse into one.
    if (!(await boss.getQueue(PAYOUT_CLAIM_QUEUE)))
      await boss.createQueue(PAYOUT_CLAIM_QUEUE, {
        name: PAYOUT_CLAIM_QUEUE,
        policy: 'short',
        retryLimit: PAYOUT_CLAIM_RETRY_LIMIT,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 300,
      });
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
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const expireJoinRequest = expireJoinRequestJob(options.store, options.clock);
  await boss.work<JoinRequestExpiryJob>(JOIN_REQUEST_EXPIRY_QUEUE, { pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs)
      if ((await expireJoinRequest(job.data, job.id)) === 'not-due')
        throw new Error(`The join request of ${job.data.member} in ${job.data.daoId} is not due to lapse yet; retrying`);
  });
  return {
    boss,
    handlers,
    expireJoinRequest,
    workPayoutClaims: async (run, onGiveUp) => {
      await boss.work<PayoutClaimJobData>(PAYOUT_CLAIM_QUEUE, { pollingIntervalSeconds, includeMetadata: true }, async (jobs) => {
        for (const job of jobs) {
          try {
            await run(job.data, job.id);
          } catch (error) {
            if (job.retryCount >= job.retryLimit) await onGiveUp(job.data, job.id, error);
            throw error;
          }
        }
      });
    },
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
