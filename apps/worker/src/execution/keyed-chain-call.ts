import type { Pool } from 'pg';
import type { Hex } from 'viem';

export interface KeyedCall<R> {
  /** Unique per intended effect, e.g. `safe-exec:<chainId>:<safe>:<safeTxHash>`. */
  readonly key: string;
  readonly kind: string;
  readonly daoId: string;
  /** Looks on chain for the effect having happened already (a crash after sending); its result if so. */
  readonly reconcile: () => Promise<R | undefined>;
  /** Sends the transaction and returns its hash; called only when `reconcile` found nothing. */
  readonly send: () => Promise<Hex>;
  /** Waits for the sent transaction and reads its result. */
  readonly confirm: (txHash: Hex) => Promise<R>;
  /** Runs right after the hash is stored (crash-test hook). */
  readonly afterSend?: () => void;
}

export type KeyedCallOutcome<R> = { readonly status: 'done'; readonly result: R } | { readonly status: 'busy' };

type ChainCallRow = { status: string; tx_hash: string | null; result: unknown };

/**
 * Makes one chain call at most once per key. The ledger row is locked (FOR UPDATE NOWAIT) while the chain is
 * checked and the transaction sent, and its hash is committed before waiting for the receipt:
 * - another worker holding the key gets `busy` and leaves it alone;
 * - after a crash with the hash stored, the restart waits for that transaction instead of sending;
 * - after a crash between sending and storing the hash, `reconcile` finds the effect on chain. The chain
 *   itself is the last guard: a used Safe nonce (GS026) or a done timelock operation cannot run twice.
 */
export async function keyedChainCall<R>(pool: Pool, call: KeyedCall<R>): Promise<KeyedCallOutcome<R>> {
  const client = await pool.connect();
  let pendingHash: Hex | null = null;
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO chain_calls (key, kind, dao_id, status) VALUES ($1, $2, $3, 'intended') ON CONFLICT (key) DO NOTHING`, [
      call.key,
      call.kind,
      call.daoId,
    ]);
    let row: ChainCallRow;
    try {
      const { rows } = await client.query<ChainCallRow>(
        'SELECT status, tx_hash, result FROM chain_calls WHERE key = $1 FOR UPDATE NOWAIT',
        [call.key],
      );
      row = rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') {
        await client.query('ROLLBACK');
        return { status: 'busy' };
      }
      throw error;
    }
    if (row.status === 'confirmed') {
      await client.query('COMMIT');
      return { status: 'done', result: row.result as R };
    }
    if (row.tx_hash) {
      pendingHash = row.tx_hash as Hex;
      await client.query('COMMIT');
    } else {
      const found = await call.reconcile();
      if (found !== undefined) {
        await client.query(`UPDATE chain_calls SET status = 'confirmed', result = $2, updated_at = now() WHERE key = $1`, [
          call.key,
          toJson(found),
        ]);
        await client.query('COMMIT');
        return { status: 'done', result: found };
      }
      await client.query('UPDATE chain_calls SET attempts = attempts + 1, updated_at = now() WHERE key = $1', [call.key]);
      pendingHash = await call.send();
      await client.query(`UPDATE chain_calls SET status = 'sent', tx_hash = $2, updated_at = now() WHERE key = $1`, [
        call.key,
        pendingHash,
      ]);
      await client.query('COMMIT');
      call.afterSend?.();
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  try {
    const result = await call.confirm(pendingHash);
    await pool.query(`UPDATE chain_calls SET status = 'confirmed', result = $2, updated_at = now() WHERE key = $1`, [
      call.key,
      toJson(result),
    ]);
    return { status: 'done', result };
  } catch (error) {
    // A reverted transaction: forget its hash so the next attempt re-checks the chain and may send again.
    await pool.query(`UPDATE chain_calls SET status = 'failed', tx_hash = NULL, error = $2, updated_at = now() WHERE key = $1`, [
      call.key,
      (error as Error).message.slice(0, 2000),
    ]);
    throw error;
  }
}

const toJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
