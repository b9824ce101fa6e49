import { EventNotifications, type PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { LogProcessor } from '../processing/log-processor';
import type { SelectedNetwork } from '@ayllu/chain';
import { executionChain, type ExecutionChain } from './execution-chain';
import { ExecutionStepper } from './execution-stepper';
import { executionSubscription } from './execution-subscription';
import { roscaSubscription } from '../rotating/rosca-subscription';
import { sharePoolSubscription } from '../shares/share-pool-subscription';
import { ChainIndexLoop } from '../indexer/chain-index-loop';
import { chainIndexSubscription } from '../indexer/chain-index-subscription';
import { PayoutCache } from '../jobs/payout-cache';
import type { RelayerFees } from './relayer-fees';
import type { RelayerObserver } from './relayer-watch';

export interface ExecutionOptions {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly databaseUrl: string;
  readonly store: PostgresEventStore;
  readonly logger: Logger;
  /** Tests pass their own chain; otherwise the selected network (see resolveNetwork) and RELAYER_PRIVATE_KEY decide. */
  readonly chain?: ExecutionChain;
  /** The network the process runs on (checked at start-up); null or absent: none. */
  readonly network?: SelectedNetwork | null;
  readonly pollMs?: number;
  readonly leaseMs?: number;
  /** A failed step waits `retryMs`, doubled per failure in a row, up to `maxRetryMs` (5 s to 5 min by default). */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** Blocks a log must be buried under before the indexer appends it (AYLLU_INDEXER_CONFIRMATIONS; 0 on a Hardhat dev chain, else 2). */
  readonly indexerConfirmations?: number;
  /** How often the payout cache re-reads the chain; PAYOUT_CACHE_REFRESH_SECONDS by default. */
  readonly payoutRefreshMs?: number;
  /** Told of every failed step, poll or read that touched the chain (the worker counts them for /metrics). */
  readonly onChainError?: (source: 'execution' | 'indexer' | 'payouts', error: unknown) => void;
}

export interface RunningExecution {
  /** The worker's one chain and relayer, shared with every other path that sends. */
  readonly chain: ExecutionChain;
  readonly stepper: ExecutionStepper;
  readonly indexer: ChainIndexLoop;
  /** Members' payouts read from the chain on a timer, for the API to answer from. */
  readonly payouts: PayoutCache;
  readonly stop: () => Promise<void>;
}

/**
 * The execution driver: the process manager's log processors (wake-ups written with their checkpoints), the
 * stepper that performs due steps against the chain, and the chain indexer. Without a configured chain it
 * does not start: DAOs then wait for their contracts.
 */
export async function startExecution(options: ExecutionOptions): Promise<RunningExecution | null> {
  const chain = options.chain ?? resolveChain(options.config, options.network ?? null, options.logger);
  if (!chain) {
    options.logger.info(
      options.network
        ? 'execution: no relayer key (RELAYER_PRIVATE_KEY); proposals will wait'
        : 'execution: no network (NETWORK_PROFILE, CHAIN, or a development chain from npm start); proposals will wait',
    );
    return null;
  }
  const pollMs = options.pollMs ?? 1000;
  const deps = { pool: options.pool, store: options.store, chain, now: () => new Date(), maxWaitMs: options.pollMs ?? 2000 };
  const stepper = new ExecutionStepper(options.pool, deps, {
    leaseMs: options.leaseMs ?? 30_000,
    retryMs: options.retryMs ?? 5000,
    maxRetryMs: options.maxRetryMs ?? 300_000,
    onError: (subject, error) => {
      options.onChainError?.('execution', error);
      options.logger.warn({ subject, err: error }, 'execution step failed; it will be retried');
    },
    onPassError: (error) => options.logger.error({ err: error }, 'execution stepper failed'),
  });
  // Each committed batch may have made steps due: run them without waiting for the poll.
  const log = new LogProcessor(
    options.pool,
    options.store,
    [executionSubscription, roscaSubscription, sharePoolSubscription, chainIndexSubscription(chain.profile.superfluid.gda)],
    {
      onError: (name, error) => options.logger.error({ projection: name, err: error }, 'execution subscription failed; retrying'),
      afterBatch: () => void stepper.tick(),
    },
  );
  const indexer = new ChainIndexLoop(deps, {
    confirmations: BigInt(options.indexerConfirmations ?? defaultConfirmations(chain.profile.confirmations)),
    onError: (daoId, error) => {
      options.onChainError?.('indexer', error);
      options.logger.warn({ daoId, err: error }, 'chain indexer: a poll failed; it will be retried');
    },
    onHalt: (daoId, reason) => options.logger.error({ daoId, reason }, 'chain indexer halted for this DAO'),
    onReorg: (daoId, { rewoundTo, depth, retracted }) =>
      options.logger.warn(
        { daoId, rewoundTo: rewoundTo.toString(), depth: depth.toString(), retracted },
        'chain indexer: the chain reorganised below the checkpoint; facts from the lost blocks were retracted',
      ),
    onPassError: (error) => options.logger.error({ err: error }, 'chain indexer failed'),
  });
  const payouts = new PayoutCache({
    pool: options.pool,
    store: options.store,
    client: chain.public,
    chainId: chain.chainId,
    onError: (daoId, error) => {
      options.onChainError?.('payouts', error);
      options.logger.warn({ daoId, err: error }, 'payout cache: a read failed; the next refresh retries');
    },
  });
  const wakeUps = new EventNotifications({
    connection: { connectionString: options.databaseUrl },
    pollIntervalMs: pollMs,
    onError: (error) => options.logger.warn({ err: error }, 'execution: notifications connection lost; reconnecting'),
  });
  log.start({ wakeUps });
  await wakeUps.start();
  // Due times (ETAs, leases, retries) pass without any event, and the chain sends no notifications: poll both.
  stepper.start(pollMs);
  indexer.start(pollMs);
  payouts.start(options.payoutRefreshMs ?? options.config.payoutCacheRefreshSeconds * 1000);
  void log.catchUp().then(() => stepper.tick());
  options.logger.info({ chainId: chain.chainId, relayer: chain.relayer.account.address }, 'execution driver started');
  return {
    chain,
    stepper,
    indexer,
    payouts,
    stop: async () => {
      await payouts.stop();
      await log.stop();
      await wakeUps.stop();
      await stepper.stop();
      await indexer.stop();
    },
  };
}

/** The network's chain with the configured relayer (RELAYER_PRIVATE_KEY); null without either. */
export function resolveChain(config: AppConfig, network: SelectedNetwork | null, logger?: Logger): ExecutionChain | null {
  if (!network || !config.relayerPrivateKey) return null;
  return executionChain({
    rpcUrl: network.rpcUrl,
    relayerPrivateKey: config.relayerPrivateKey,
    profile: network.profile,
    relayer: {
      fees: { maxFeePerGas: config.relayer.maxFeePerGas, maxPriorityFeePerGas: config.relayer.maxPriorityFeePerGas },
      stuckAfterMs: config.relayer.stuckSeconds * 1000,
    },
    ...(logger ? { relayerObserver: relayerLog(logger) } : {}),
  });
}

/** What the relayer's watch did, in the worker's log (hashes and fees only: nothing secret). */
const relayerLog = (logger: Logger): RelayerObserver => ({
  replaced: ({ nonce, stuck, replacement, fees }) =>
    logger.warn({ nonce, stuck, replacement, fees: feesForLog(fees) }, 'relayer: stuck transaction replaced at bumped fees'),
  capped: ({ nonce, hash, fees }) =>
    logger.warn(
      { nonce, hash, fees: feesForLog(fees) },
      'relayer: stuck transaction not replaced, fees above cap (RELAYER_MAX_FEE_GWEI); waiting for it to be mined',
    ),
});

const feesForLog = (fees: RelayerFees) =>
  fees.type === 'legacy'
    ? { gasPrice: fees.gasPrice.toString() }
    : { maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() };

/** AYLLU_INDEXER_CONFIRMATIONS overrides the network profile's confirmation depth (0 on the development chain). */
const defaultConfirmations = (profileDepth: number): number => {
  const configured = process.env.AYLLU_INDEXER_CONFIRMATIONS;
  if (configured !== undefined && configured !== '') return Number(configured);
  return profileDepth;
};
