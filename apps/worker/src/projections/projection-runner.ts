import { START, type Checkpoint, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  readonly onError?: (projection: string, error: unknown) => void;
}

const lockKey = (name: string) => `projection:${name}`;

/**
 * A client checked out of the pool has no 'error' listener, so a connection the server drops mid-batch
 * (restart, failover) would emit an unhandled 'error' and take the whole worker down. The query in flight
 * rejects anyway and the batch is retried; the pool discards the dead client on release.
 */
const ignoreClientError = (): void => undefined;
const checkOut = async (pool: Pool): Promise<PoolClient> => {
  const client = await pool.connect();
  client.on('error', ignoreClientError);
  return client;
};

/**
 * Moves projections forward. Each batch is one transaction holding the read-model writes and the new
 * checkpoint together: a crash anywhere either keeps the whole batch or none of it. A transaction-scoped
 * advisory lock per projection lets several workers run the same runner without doing a batch twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  /**
   * Runs one batch of one projection. Returns how many events it applied: 0 when caught up, or, unless
   * `wait` is set, when another worker holds the projection.
   */
  async runBatch(projection: Projection, wait = false): Promise<number> {
    const tx = await checkOut(this.pool);
    try {
      await tx.query('BEGIN');
      const lock = wait
        ? 'SELECT true AS locked FROM pg_advisory_xact_lock(hashtext($1))'
        : 'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked';
      const { rows } = await tx.query<{ locked: boolean }>(lock, [lockKey(projection.name)]);
      if (!rows[0]!.locked) {
        await tx.query('ROLLBACK');
        return 0;
      }
      const checkpoint = await readCheckpoint(tx, projection.name);
      const events = await this.store.readAll(checkpoint, this.batchSize, tx);
      if (events.length > 0) {
        await projection.apply(tx, events);
        const last = events[events.length - 1]!;
        await writeCheckpoint(tx, projection.name, { transactionId: last.transactionId, position: last.position });
      }
      await tx.query('COMMIT');
      return events.length;
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.removeListener('error', ignoreClientError);
      tx.release();
    }
  }

  /** Applies everything available now to every projection. Coalesces overlapping calls. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const projection of this.projections) {
          try {
            while ((await this.runBatch(projection)) === this.batchSize);
          } catch (error) {
            this.options.onError?.(projection.name, error);
          }
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Empties a projection's tables and checkpoint, then replays the log into it from position 0.
   * Holds the projection's lock while emptying so no worker batch interleaves with the reset.
   */
  async rebuild(projection: Projection, onProgress?: (applied: number) => void): Promise<number> {
    const tx = await checkOut(this.pool);
    try {
      await tx.query('BEGIN');
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(projection.name)]);
      if (projection.tables.length > 0) await tx.query(`TRUNCATE ${projection.tables.join(', ')}`);
      await writeCheckpoint(tx, projection.name, START);
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.removeListener('error', ignoreClientError);
      tx.release();
    }
    let applied = 0;
    for (;;) {
      const n = await this.runBatch(projection, true);
      applied += n;
      onProgress?.(applied);
      if (n === 0) return applied;
    }
  }
}

export const readCheckpoint = async (tx: PoolClient | Pool, name: string): Promise<Checkpoint> => {
  const { rows } = await tx.query<{ transaction_id: string; position: string }>(
    'SELECT transaction_id, position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) } : START;
};

const writeCheckpoint = (tx: PoolClient, name: string, checkpoint: Checkpoint) =>
  tx.query(
    `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at)
     VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [name, checkpoint.transactionId.toString(), checkpoint.position.toString()],
  );
