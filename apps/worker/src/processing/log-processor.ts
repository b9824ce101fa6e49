import { START, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import { lockKey, readCheckpoint, writeCheckpoint } from './checkpoints';
import { DrainLoop, type WakeUps } from './drain-loop';
import type { Processor } from './processor';

export interface LogProcessorOptions {
  readonly batchSize?: number;
  /** A batch failed: none of it was kept, and the next pass reads it again. Other processors carry on. */
  readonly onError?: (processor: string, error: unknown) => void;
  /**
   * A batch committed. Lets what consumes a processor's writes start at once (the dispatcher sends outbox
   * rows while the log keeps growing) instead of after the processor has caught up, which under a steady
   * stream of events never happens.
   */
  readonly afterBatch?: (processor: string) => void;
}

/**
 * A client checked out of the pool has no 'error' listener, so a connection the server drops mid-batch
 * (restart, failover) would emit an unhandled 'error' and take the whole worker down. The query in flight
 * rejects anyway and the batch is retried; the pool discards the dead client on release.
 */
const ignoreClientError = (): void => undefined;

const inTransaction = async <T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> => {
  const tx = await pool.connect();
  tx.on('error', ignoreClientError);
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.removeListener('error', ignoreClientError);
    tx.release();
  }
};

/**
 * Runs processors over the log. Each batch of a processor is one transaction holding its writes and its new
 * checkpoint together: a crash anywhere keeps the whole batch or none of it. A transaction-scoped advisory
 * lock per processor lets several workers run the same processors without doing a batch twice. Processors
 * advance side by side, each from its own checkpoint: a slow or failing one holds up no other.
 */
export class LogProcessor {
  private readonly batchSize: number;
  private readonly loop: DrainLoop;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    readonly processors: readonly Processor[],
    private readonly options: LogProcessorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.loop = new DrainLoop({
      drain: () => this.drainAll(),
      onError: (error) => options.onError?.(processors.map((p) => p.name).join(', '), error),
    });
  }

  /**
   * Runs one batch of one processor: the next events after its checkpoint in commit-safe order, the ones it
   * handles handed to it, the checkpoint moved past all of them. Returns how many events it read: 0 when
   * caught up or, unless `wait` is set, when another worker holds the processor.
   */
  runBatch(processor: Processor, wait = false): Promise<number> {
    return inTransaction(this.pool, async (tx) => {
      const lock = wait
        ? 'SELECT true AS locked FROM pg_advisory_xact_lock(hashtext($1))'
        : 'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked';
      const { rows } = await tx.query<{ locked: boolean }>(lock, [lockKey(processor.name)]);
      if (!rows[0].locked) return 0;
      const events = await this.store.readAll(await readCheckpoint(tx, processor.name), this.batchSize, tx);
      if (events.length > 0) {
        await processor.apply(tx, events);
        const last = events[events.length - 1];
        await writeCheckpoint(tx, processor.name, { transactionId: last.transactionId, position: last.position });
      }
      return events.length;
    });
  }

  /** Brings every processor to the end of the log as it is now. Overlapping calls coalesce. */
  catchUp(): Promise<void> {
    return this.loop.wake();
  }

  /** Catches up on every notification of `wakeUps` and every `pollMs`. */
  start(sources: { readonly wakeUps?: WakeUps; readonly pollMs?: number }): void {
    this.loop.start(sources);
  }

  /** Stops catching up on wake-ups; resolves once the pass under way has finished. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Empties a processor's tables and checkpoint, then replays the log into it from position 0, reporting
   * the events read so far after each batch. Holds the processor's lock while emptying so no worker batch
   * interleaves with the reset.
   */
  async rebuild(processor: Processor, onProgress?: (read: number) => void): Promise<number> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(processor.name)]);
      if (processor.tables.length > 0) await tx.query(`TRUNCATE ${processor.tables.join(', ')}`);
      await writeCheckpoint(tx, processor.name, START);
    });
    let read = 0;
    for (;;) {
      const n = await this.runBatch(processor, true);
      read += n;
      onProgress?.(read);
      if (n === 0) return read;
    }
  }

  private async drainAll(): Promise<void> {
    await Promise.all(
      this.processors.map(async (processor) => {
        try {
          for (;;) {
            const n = await this.runBatch(processor);
            if (n > 0) this.options.afterBatch?.(processor.name);
            if (n < this.batchSize) return;
          }
        } catch (error) {
          this.options.onError?.(processor.name, error);
        }
      }),
    );
  }
}
