import { EventNotifications, type PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ProjectionRunner } from '../projections/projection-runner';
import { executionChain, loadSharedContracts, type ExecutionChain } from './execution-chain';
import { ExecutionStepper } from './execution-stepper';
import { executionSubscription } from './execution-subscription';
import { ChainIndexLoop } from '../indexer/chain-index-loop';
import { chainIndexSubscription } from '../indexer/chain-index-subscription';

export interface ExecutionOptions {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly databaseUrl: string;
  readonly store: PostgresEventStore;
  readonly logger: Logger;
  /** Tests pass their own chain; otherwise RPC_URL (or the dev chain file) and RELAYER_PRIVATE_KEY decide. */
  readonly chain?: ExecutionChain;
  readonly pollMs?: number;
  readonly leaseMs?: number;
  /** Blocks a log must be buried under before the indexer appends it (AYLLU_INDEXER_CONFIRMATIONS; 0 on a Hardhat dev chain, else 2). */
  readonly indexerConfirmations?: number;
}

export interface RunningExecution {
  readonly stepper: ExecutionStepper;
  readonly indexer: ChainIndexLoop;
  readonly stop: () => Promise<void>;
}

/**
 * The execution driver: the process manager's subscription (wake-ups written with its checkpoint) and the
 * stepper that performs due steps against the chain. Without a configured chain it does not start: DAOs
 * then wait for their contracts, as the issue says.
 */
export async function startExecution(options: ExecutionOptions): Promise<RunningExecution | null> {
  const chain = options.chain ?? resolveChain(options.config);
  if (!chain) {
    options.logger.info('execution: no chain configured (RPC_URL / dev-chain.json / RELAYER_PRIVATE_KEY); proposals will wait');
    return null;
  }
  const runner = new ProjectionRunner(
    options.pool,
    options.store,
    [executionSubscription, chainIndexSubscription(chain.shared.superfluid.gda)],
    {
      onError: (name, error) => options.logger.error({ projection: name, err: error }, 'execution subscription failed; retrying'),
    },
  );
  const deps = { pool: options.pool, store: options.store, chain, now: () => new Date(), maxWaitMs: options.pollMs ?? 2000 };
  const stepper = new ExecutionStepper(options.pool, deps, {
    leaseMs: options.leaseMs ?? 30_000,
    retryMs: 3000,
    onError: (subject, error) => options.logger.warn({ subject, err: error }, 'execution step failed; it will be retried'),
  });
  const indexer = new ChainIndexLoop(deps, {
    confirmations: BigInt(options.indexerConfirmations ?? defaultConfirmations(chain.chainId)),
    onError: (daoId, error) => options.logger.warn({ daoId, err: error }, 'chain indexer: a poll failed; it will be retried'),
    onHalt: (daoId, reason) => options.logger.error({ daoId, reason }, 'chain indexer halted for this DAO'),
  });
  let stopped = false;
  const cycle = async () => {
    await runner.catchUp();
    await stepper.tick().catch((error: unknown) => options.logger.error({ err: error }, 'execution stepper failed'));
  };
  const index = () => indexer.tick().catch((error: unknown) => options.logger.error({ err: error }, 'chain indexer failed'));
  const notifications = new EventNotifications({
    connection: { connectionString: options.databaseUrl },
    pollIntervalMs: options.pollMs ?? 1000,
    onError: (error) => options.logger.warn({ err: error }, 'execution: notifications connection lost; reconnecting'),
  });
  const unsubscribe = notifications.subscribe(() => void cycle());
  await notifications.start();
  // Due times (ETAs, leases, retries) pass without any event: look at the clock too.
  const timer = setInterval(() => {
    if (!stopped) void cycle().then(index);
  }, options.pollMs ?? 1000);
  void cycle();
  options.logger.info({ chainId: chain.chainId, relayer: chain.relayer.account.address }, 'execution driver started');
  return {
    stepper,
    indexer,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await notifications.stop();
      await stepper.tick().catch(() => undefined);
      await indexer.tick().catch(() => undefined);
    },
  };
}

function resolveChain(config: AppConfig): ExecutionChain | null {
  const shared = loadSharedContracts(config.dataDir);
  // Tests say which chain they mean; a dev-chain.json left by `npm start` must not pull them onto it.
  if (config.env === 'test' && !config.rpcUrl) return null;
  const rpcUrl = config.rpcUrl ?? shared?.rpcUrl ?? null;
  if (!shared || !rpcUrl || !config.relayerPrivateKey) return null;
  return executionChain({ rpcUrl, chainId: config.chainId, relayerPrivateKey: config.relayerPrivateKey, shared });
}

const defaultConfirmations = (chainId: number): number => {
  const configured = process.env.AYLLU_INDEXER_CONFIRMATIONS;
  if (configured !== undefined && configured !== '') return Number(configured);
  // A Hardhat dev chain mines a block per transaction and never reorganises on its own.
  return chainId === 31337 ? 0 : 2;
};
