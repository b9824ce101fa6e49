import { randomUUID } from 'node:crypto';
import { ChainIndexer, ReorgTooDeepError, type IndexerCheckpoint, type PollResult, type WatchedContracts } from '@ayllu/chain';
import type { ExecutionDeps } from '../execution/run-proposal-step';
import { DrainLoop } from '../processing/drain-loop';
import { applyChainFact, retryable } from './apply-chain-fact';
import { loadCheckpoint, storeCheckpoint } from './indexer-checkpoint';
import { retractChainFacts } from './retract-chain-facts';

type Row = {
  dao_id: string;
  chain_id: number;
  contracts: WatchedContracts;
  from_block: string;
  checkpoint: Parameters<typeof loadCheckpoint>[0] | null;
  last_fact_block: string | null;
};

export interface ChainIndexLoopOptions {
  /** Blocks a log must be buried under before it becomes a fact. */
  readonly confirmations: bigint;
  /** How long a worker's claim on a DAO's cursor lasts without renewal (each round renews it); default 60 s. */
  readonly leaseMs?: number;
  readonly onError: (daoId: string, error: unknown) => void;
  readonly onHalt: (daoId: string, reason: string) => void;
  /** The chain rewound below the DAO's checkpoint; `retracted` facts left the log. */
  readonly onReorg?: (daoId: string, reorg: { rewoundTo: bigint; depth: bigint; retracted: number }) => void;
  /** A pass that failed before reaching any DAO (listing them); the next poll retries. */
  readonly onPassError: (error: unknown) => void;
}

/**
 * Polls each deployed DAO's contracts behind the head and appends the facts to the log, then moves the DAO's
 * checkpoint. A worker leases a DAO's row while it polls it, so two workers never index it at once, and no
 * transaction is open while the chain answers; a crash between appending and moving the checkpoint replays the
 * range, which appends nothing twice, and its lease runs out for the next worker.
 *
 * Reorgs: facts are appended only `confirmations` deep. If the chain still rewinds below a block the log took
 * a fact from, what the log took from above the newest block both chains share is retracted: deposits and
 * withdrawals (ChainFactRetracted) and the treasury's owner, threshold and delay changes
 * (TreasuryChainChangesRetracted, the DAO's configuration following), which the read models fold like any
 * event. The checkpoint moves back to that block and the new chain's facts are recorded from there: a log
 * mined again in another block is recorded again, one that vanished stays retracted. A reorg deeper than the
 * checkpoint remembers rewinds to the block before the DAO's deployment. Indexing halts (the reason in
 * `chain_index.halted`) only when the chain does not hold the DAO's vault at all. The execution workflow is
 * not confused: its own calls are reconciled from receipts, it does not read deposits or withdrawals, and a
 * treasury retraction only wakes it to look at the (restored) owners and threshold again. Not retracted: a
 * Safe execution the treasurers ran themselves (SafeTransactionExecuted) that a reorg took back.
 */
export class ChainIndexLoop {
  private readonly indexers = new Map<string, ChainIndexer>();
  private readonly loop: DrainLoop;

  constructor(
    private readonly deps: ExecutionDeps,
    private readonly options: ChainIndexLoopOptions,
  ) {
    this.loop = new DrainLoop({ drain: () => this.pollAll(), onError: options.onPassError });
  }

  /** Polls every DAO once. Overlapping calls coalesce. */
  tick(): Promise<void> {
    return this.loop.wake();
  }

  /** Polls every `pollMs`: the chain sends no notifications. */
  start(pollMs: number): void {
    this.loop.start({ pollMs });
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  private async pollAll(): Promise<void> {
    const { rows } = await this.deps.pool.query<{ dao_id: string }>(
      `SELECT dao_id FROM chain_index WHERE halted IS NULL AND chain_id = $1`,
      [this.deps.chain.chainId],
    );
    for (const { dao_id } of rows) {
      await this.pollDao(dao_id).catch(async (error: unknown) => {
        this.options.onError(dao_id, error);
        await this.deps.pool.query(`UPDATE chain_index SET last_error = $2, updated_at = now() WHERE dao_id = $1`, [
          dao_id,
          String((error as Error).message ?? error).slice(0, 2000),
        ]);
      });
    }
  }

  /**
   * Claims the DAO's cursor with a lease (a statement of its own, committed), reads the chain with no
   * transaction open, then moves the cursor only while the lease is still this worker's. The facts go in
   * through the domain's commands, each a short append of its own and idempotent, so a crash (or a lease that
   * ran out) between appending and moving the cursor replays the range and appends nothing twice.
   */
  private async pollDao(daoId: string): Promise<void> {
    const owner = randomUUID();
    const { rows } = await this.deps.pool.query<Row>(
      `UPDATE chain_index SET lease_owner = $2, leased_until = now() + make_interval(secs => $3::float8 / 1000)
       WHERE dao_id = $1 AND halted IS NULL AND (leased_until IS NULL OR leased_until <= now())
       RETURNING *`,
      [daoId, owner, this.leaseMs],
    );
    const row = rows[0];
    if (!row) return;
    try {
      await this.catchUp(row, owner);
    } finally {
      await this.deps.pool.query(`UPDATE chain_index SET lease_owner = NULL, leased_until = NULL WHERE dao_id = $1 AND lease_owner = $2`, [
        daoId,
        owner,
      ]);
    }
  }

  private async halt(row: Row, owner: string, reason: string): Promise<void> {
    const { rowCount } = await this.deps.pool.query(
      `UPDATE chain_index SET halted = $3, updated_at = now() WHERE dao_id = $1 AND lease_owner = $2`,
      [row.dao_id, owner, reason],
    );
    if (rowCount) this.options.onHalt(row.dao_id, reason);
  }

  private async catchUp(row: Row, owner: string): Promise<void> {
    const indexer = this.indexerOf(row);
    let checkpoint: IndexerCheckpoint = row.checkpoint
      ? loadCheckpoint(row.checkpoint)
      : await indexer.checkpointAt(BigInt(row.from_block) - 1n);
    let lastFactBlock = row.last_fact_block === null ? null : BigInt(row.last_fact_block);
    for (let round = 0; round < 20; round++) {
      let result: PollResult;
      try {
        result = await indexer.poll(checkpoint);
      } catch (error) {
        if (!(error instanceof ReorgTooDeepError)) throw error;
        const restart = await this.restartFromDeployment(row, indexer);
        if (typeof restart === 'string') {
          await this.halt(row, owner, `reorg deeper than the checkpoint remembers: ${error.message}; ${restart}`);
          return;
        }
        result = restart;
      }
      if (result.rewoundTo !== undefined) {
        // A worker whose lease ran out must not retract: its successor may already hold the new chain's facts.
        if (!(await this.renewLease(row.dao_id, owner))) return;
        // Always asked, not only when last_fact_block is above: a crash may have appended facts it never noted.
        const retracted = await retractChainFacts(this.deps, row.dao_id, row.chain_id, result.rewoundTo);
        const depth = checkpoint.blockNumber - result.rewoundTo;
        this.options.onReorg?.(row.dao_id, { rewoundTo: result.rewoundTo, depth, retracted });
        if (lastFactBlock !== null && lastFactBlock > result.rewoundTo) lastFactBlock = result.rewoundTo;
      }
      for (const fact of result.facts) {
        try {
          await applyChainFact(this.deps, row.dao_id, fact);
        } catch (error) {
          if (retryable(error)) throw error;
          // A fact the domain refuses for good (e.g. from an address it cannot hold): note it and go on.
          this.options.onError(row.dao_id, error);
        }
        if (lastFactBlock === null || fact.origin.blockNumber > lastFactBlock) lastFactBlock = fact.origin.blockNumber;
      }
      const moved =
        result.nextCheckpoint.blockHash !== checkpoint.blockHash || result.nextCheckpoint.blockNumber !== checkpoint.blockNumber;
      checkpoint = result.nextCheckpoint;
      // Only the lease holder moves the cursor, and each move renews the lease.
      const { rowCount } = await this.deps.pool.query(
        `UPDATE chain_index SET checkpoint = $3, last_fact_block = $4, last_error = NULL,
           leased_until = now() + make_interval(secs => $5::float8 / 1000), updated_at = now()
         WHERE dao_id = $1 AND lease_owner = $2`,
        [row.dao_id, owner, storeCheckpoint(checkpoint), lastFactBlock?.toString() ?? null, this.leaseMs],
      );
      if (!rowCount || !moved) return;
    }
  }

  private async renewLease(daoId: string, owner: string): Promise<boolean> {
    const { rowCount } = await this.deps.pool.query(
      `UPDATE chain_index SET leased_until = now() + make_interval(secs => $3::float8 / 1000)
       WHERE dao_id = $1 AND lease_owner = $2 AND leased_until > now()`,
      [daoId, owner, this.leaseMs],
    );
    return !!rowCount;
  }

  /**
   * No block the checkpoint remembers is on the chain: go back to the block before the DAO's deployment and
   * read everything again (the poll result of a rewind to there), or say why that cannot work.
   */
  private async restartFromDeployment(row: Row, indexer: ChainIndexer): Promise<PollResult | string> {
    const code = await this.deps.chain.public.getCode({ address: row.contracts.vault });
    if (!code || code === '0x') return "the DAO's vault has no code on this chain (a new chain under an old database?)";
    const base = BigInt(row.from_block) - 1n;
    return { facts: [], retracted: [], rewoundTo: base, nextCheckpoint: await indexer.checkpointAt(base) };
  }

  private indexerOf(row: Row): ChainIndexer {
    let indexer = this.indexers.get(row.dao_id);
    if (!indexer) {
      indexer = new ChainIndexer({
        client: this.deps.chain.public,
        chainId: row.chain_id,
        contracts: row.contracts,
        confirmations: this.options.confirmations,
      });
      this.indexers.set(row.dao_id, indexer);
    }
    return indexer;
  }
}
