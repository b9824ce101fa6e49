import { EventNotifications, PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import pino from 'pino';
import { startNotifications } from './notifications/start-notifications';
import { startJobScheduler, type JobScheduler } from './jobs/job-scheduler';
import type { Clock } from './jobs/proposal-job-handlers';
import { proposalDeadlinesSubscription } from './jobs/proposal-deadlines.subscription';
import type { SelectedNetwork } from '@ayllu/chain';
import type { ExecutionChain } from './execution/execution-chain';
import { resolveChain, startExecution, type ExecutionOptions, type RunningExecution } from './execution/start-execution';
import { recordClaimOutcome, runPayoutClaim } from './jobs/payout-claim-job';
import { joinRequestExpirySubscription } from './jobs/join-request-expiry';
import { startOperationsServer } from './operations/operations-server';
import { watchRelayerBalance } from './operations/relayer-balance-watch';
import { createWorkerMetrics } from './operations/worker-metrics';
import { LogProcessor } from './processing/log-processor';
import { PROJECTIONS } from './projections/projections';

export interface WorkerDependencies {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly databaseUrl: string;
  /** The jobs' notion of now (tests move it); the wall clock by default. */
  readonly clock?: Clock;
  readonly jobPollingIntervalSeconds?: number;
  /** Tests pass their own chain; otherwise the network (checked at start-up) and RELAYER_PRIVATE_KEY decide. */
  readonly chain?: ExecutionChain;
  /** The network the worker runs on (resolveNetwork); null or absent: none, proposals wait. */
  readonly network?: SelectedNetwork | null;
  /** Tests shorten the execution driver's timings. */
  readonly execution?: Pick<ExecutionOptions, 'pollMs' | 'leaseMs' | 'indexerConfirmations' | 'payoutRefreshMs'>;
  /** Where /health and /metrics are served; WORKER_OPERATIONS_PORT by default, 0 for none. */
  readonly operationsPort?: number;
  /** How often the relayer's balance is held to RELAYER_MIN_BALANCE (a crossing is recorded and notified); 60 s by default. */
  readonly relayerBalanceCheckMs?: number;
}

export interface RunningWorker {
  /** The projections and the proposal-deadline process manager, each with its own checkpoint. */
  readonly log: LogProcessor;
  readonly jobs: JobScheduler;
  /** Null without a chain. */
  readonly execution: RunningExecution | null;
  /** The /health and /metrics server's base URL; null when it is off. */
  readonly operationsUrl: string | null;
  readonly stop: () => Promise<void>;
}

/**
 * The worker: keeps projections up to date and runs the proposal jobs (pg-boss), woken by LISTEN/NOTIFY
 * with a polling fallback. Several workers may run against one database; per-processor locks keep each
 * batch single, pg-boss hands each job to one worker, and the domain makes every job idempotent.
 */
export const startWorker = async (deps: WorkerDependencies): Promise<RunningWorker> => {
  const logger = pino({ level: deps.config.logLevel, name: 'worker' });
  const clock = deps.clock ?? (() => new Date());
  const store = new PostgresEventStore(deps.pool);
  const jobs = await startJobScheduler({
    pool: deps.pool,
    store,
    clock,
    ...(deps.jobPollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: deps.jobPollingIntervalSeconds }),
    onError: (error) => logger.error({ err: error }, 'job failed; pg-boss will retry it'),
  });
  const processors = [
    ...PROJECTIONS,
    proposalDeadlinesSubscription(jobs.boss, clock),
    joinRequestExpirySubscription(jobs.boss, deps.config.joinRequestTtlSeconds),
  ];
  const log = new LogProcessor(deps.pool, store, processors, {
    onError: (processor, error) => logger.error({ processor, err: error }, 'log processor batch failed; it will be retried'),
    onQuarantine: (processor, quarantine, error) =>
      logger.error(
        { processor, streamId: quarantine.streamId, daoId: quarantine.daoId, err: error },
        'log processor quarantined a stream; the others carry on until an admin resumes it',
      ),
  });
  // One LISTEN connection wakes everything that follows the log; it also polls, should a notification be lost.
  const wakeUps = new EventNotifications({
    connection: { connectionString: deps.databaseUrl },
    pollIntervalMs: 1000,
    onError: (error) => logger.warn({ err: error }, 'event notifications connection lost; reconnecting'),
  });
  log.start({ wakeUps });
  const webhooks = await startNotifications({ pool: deps.pool, store, logger, wakeUps, publicUrl: deps.config.publicUrl });
  await wakeUps.start();
  await log.catchUp();
  // Passed proposals through Safe and timelock; null when no chain is configured. The one chain (and relayer)
  // resolved here serves every path that sends: deployment, execution and payout claims.
  const chain = deps.chain ?? resolveChain(deps.config, deps.network ?? null, logger);
  const metrics = createWorkerMetrics(deps.pool, () => chain ?? null);
  const execution = await startExecution({
    onChainError: metrics.chainError,
    config: deps.config,
    pool: deps.pool,
    databaseUrl: deps.databaseUrl,
    store,
    logger,
    ...(chain ? { chain } : {}),
    ...deps.execution,
  });
  if (execution) {
    const claims = {
      pool: deps.pool,
      store,
      chain: execution.chain,
      minimumAmount: deps.config.claims.minimumAmount,
      cache: execution.payouts,
    };
    await jobs.workPayoutClaims(
      (data, jobId) => runPayoutClaim(claims, data, jobId),
      (data, jobId, error) =>
        recordClaimOutcome(deps.pool, data, jobId, { status: 'failed', reason: String((error as Error).message ?? error).slice(0, 500) }),
    );
  }
  const balanceWatch = execution
    ? watchRelayerBalance(
        { store, chain: execution.chain, floor: deps.config.relayerMinBalance, now: () => new Date() },
        deps.relayerBalanceCheckMs ?? 60_000,
        {
          onCrossing: (event) =>
            logger.warn(
              {
                relayer: event.data.relayer,
                chainId: event.data.chainId,
                balance: event.data.balance.toString(),
                floor: event.data.floor.toString(),
              },
              event.type === 'RelayerBalanceLow'
                ? 'relayer balance below RELAYER_MIN_BALANCE: admins notified'
                : 'relayer balance restored',
            ),
          onError: (error) => logger.warn({ err: error }, 'relayer balance check failed; it will be tried again'),
        },
      )
    : null;
  const port = deps.operationsPort ?? deps.config.workerOperationsPort;
  const operations =
    port > 0
      ? await startOperationsServer(port, deps.config.host, {
          pool: deps.pool,
          registry: metrics.registry,
          chain: () => chain ?? null,
          relayerMinBalance: deps.config.relayerMinBalance,
        })
      : null;
  const address = operations?.address();
  const operationsUrl = address && typeof address === 'object' ? `http://${deps.config.host}:${address.port}` : null;
  logger.info({ processors: processors.map((p) => p.name), operationsUrl }, 'worker started');
  return {
    log,
    jobs,
    execution,
    operationsUrl,
    stop: async () => {
      await new Promise((resolve) => (operations ? operations.close(resolve) : resolve(undefined)));
      await balanceWatch?.stop();
      await execution?.stop();
      await log.stop();
      await wakeUps.stop();
      await webhooks.stop();
      await jobs.stop();
    },
  };
};
