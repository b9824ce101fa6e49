import { classifyChainError } from '@ayllu/chain';
import { createMetricsRegistry } from '@ayllu/platform';
import type { Pool } from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ExecutionChain } from '../execution/execution-chain';

export interface WorkerMetrics {
  readonly registry: Registry;
  /** Counts a failed chain call by where it happened and what it was (revert, transport, unknown). */
  readonly chainError: (source: string, error: unknown) => void;
}

/**
 * The worker's Prometheus registry: the platform's gauges (the same as the API's), the relayer's balance and
 * nonce read from the chain when scraped, and chain errors by source and kind.
 */
export function createWorkerMetrics(pool: Pool, chain: () => ExecutionChain | null): WorkerMetrics {
  const registry = createMetricsRegistry('worker', pool);
  new Gauge({
    name: 'ayllu_relayer_balance_wei',
    help: "The relayer's native balance (it pays every transaction the platform sends)",
    registers: [registry],
    async collect() {
      const c = chain();
      if (c) this.set(Number(await c.public.getBalance({ address: c.relayer.account.address })));
    },
  });
  new Gauge({
    name: 'ayllu_relayer_nonce',
    help: "The relayer's next nonce, pending transactions included",
    registers: [registry],
    async collect() {
      const c = chain();
      if (c) this.set(await c.public.getTransactionCount({ address: c.relayer.account.address, blockTag: 'pending' }));
    },
  });
  const errors = new Counter({
    name: 'ayllu_chain_errors_total',
    help: 'Failed chain calls by where they happened (execution, indexer, payouts) and kind (revert, transport, unknown)',
    labelNames: ['source', 'kind'],
    registers: [registry],
  });
  return { registry, chainError: (source, error) => errors.inc({ source, kind: classifyChainError(error).kind }) };
}
