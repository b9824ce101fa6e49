import { START, type Checkpoint } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';

/**
 * The advisory lock a processor's batches take, transaction-scoped, so that several workers can run the
 * same processors without doing a batch twice. The `projection:` prefix predates processors other than
 * projections; it stays so that workers of the previous release and this one exclude each other.
 */
export const lockKey = (name: string): string => `projection:${name}`;

export const readCheckpoint = async (db: PoolClient | Pool, name: string): Promise<Checkpoint> => {
  const { rows } = await db.query<{ transaction_id: string; position: string }>(
    'SELECT transaction_id, position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) } : START;
};

export const writeCheckpoint = (tx: PoolClient, name: string, checkpoint: Checkpoint) =>
  tx.query(
    `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at)
     VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [name, checkpoint.transactionId.toString(), checkpoint.position.toString()],
  );

/** The same checkpoint for several processors, in one statement (a rebuild moves them together). */
export const writeCheckpoints = (tx: PoolClient, names: readonly string[], checkpoint: Checkpoint) =>
  tx.query(
    `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at)
     SELECT name, $2::xid8, $3, now() FROM unnest($1::text[]) AS name
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [names, checkpoint.transactionId.toString(), checkpoint.position.toString()],
  );
