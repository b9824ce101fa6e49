import { randomUUID } from 'node:crypto';
import { classifyChainError } from '@ayllu/chain';
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

export interface KeyedCallOptions {
  /** How long a claim on the key lasts: longer than a send takes, so that only a dead worker's claim runs out. */
  readonly leaseMs?: number;
}

export type KeyedCallOutcome<R> = { readonly status: 'done'; readonly result: R } | { readonly status: 'busy' };

/** A send answers within the transport's timeout (60 s) and its retries; a claim outlives that. */
export const DEFAULT_CALL_LEASE_MS = 5 * 60_000;

type ChainCallRow = { status: string; tx_hash: string | null; result: unknown };

/**
 * Makes one chain call at most once per key, without holding a database transaction open while the chain
 * answers (an open transaction holds back every commit-safe reader of the global log). Each ledger change is
 * a statement of its own:
 * 1. claim the key: a lease (`lease_owner`, `leased_until`) on its row, taken only when nobody holds a live one;
 * 2. with the claim committed, look on chain for the effect (`reconcile`) and, if absent, renew the claim and send;
 * 3. store the transaction's hash before waiting for its receipt, then record the result and let the claim go.
 *
 * - another worker holding a live claim makes this call `busy`: it leaves the key alone;
 * - a worker that died mid-call leaves a claim that runs out; the next one reconciles on chain before it
 *   sends again, so an effect that was sent and mined is found, not repeated;
 * - a stored hash needs no claim: anyone may wait for that transaction instead of sending.
 * The chain itself is the last guard: a used Safe nonce (GS026) or a done timelock operation cannot run twice.
 */
export async function keyedChainCall<R>(pool: Pool, call: KeyedCall<R>, options: KeyedCallOptions = {}): Promise<KeyedCallOutcome<R>> {
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_CALL_LEASE_MS;
  await pool.query(`INSERT INTO chain_calls (key, kind, dao_id, status) VALUES ($1, $2, $3, 'intended') ON CONFLICT (key) DO NOTHING`, [
    call.key,
    call.kind,
    call.daoId,
  ]);
  const claimed = await pool.query<ChainCallRow>(
    `UPDATE chain_calls SET lease_owner = $2, leased_until = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
     WHERE key = $1 AND status <> 'confirmed' AND tx_hash IS NULL AND (leased_until IS NULL OR leased_until <= now())
     RETURNING status, tx_hash, result`,
    [call.key, owner, leaseMs],
  );
  let pendingHash: Hex;
  if (claimed.rows.length === 0) {
    const { rows } = await pool.query<ChainCallRow>('SELECT status, tx_hash, result FROM chain_calls WHERE key = $1', [call.key]);
    const row = rows[0];
    if (row.status === 'confirmed') return { status: 'done', result: row.result as R };
    if (!row.tx_hash) return { status: 'busy' };
    pendingHash = row.tx_hash as Hex;
  } else {
    const sent = await claimAndSend(pool, call, owner, leaseMs);
    if (sent.status !== 'sent') return sent;
    pendingHash = sent.txHash;
  }
  return confirmSent(pool, call, pendingHash);
}

async function claimAndSend<R>(
  pool: Pool,
  call: KeyedCall<R>,
  owner: string,
  leaseMs: number,
): Promise<KeyedCallOutcome<R> | { status: 'sent'; txHash: Hex }> {
  const release = () =>
    pool.query('UPDATE chain_calls SET lease_owner = NULL, leased_until = NULL WHERE key = $1 AND lease_owner = $2', [call.key, owner]);
  try {
    const found = await call.reconcile();
    if (found !== undefined) {
      await pool.query(
        `UPDATE chain_calls SET status = 'confirmed', result = $2, lease_owner = NULL, leased_until = NULL, updated_at = now() WHERE key = $1`,
        [call.key, toJson(found)],
      );
      return { status: 'done', result: found };
    }
    // Renewed just before sending: a claim that ran out while the chain was read (this worker was stalled
    // that long) belongs to whoever took it since, and this worker must not send beside it.
    const renewed = await pool.query(
      `UPDATE chain_calls SET attempts = attempts + 1, leased_until = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
       WHERE key = $1 AND lease_owner = $2 AND leased_until > now() AND tx_hash IS NULL`,
      [call.key, owner, leaseMs],
    );
    if (renewed.rowCount === 0) return { status: 'busy' };
    const txHash = await call.send();
    // Kept even if the claim ran out meanwhile: whoever holds the key next waits for this transaction.
    await pool.query(
      `UPDATE chain_calls SET status = 'sent', tx_hash = coalesce(tx_hash, $2), error = NULL, updated_at = now()
       WHERE key = $1 AND status <> 'confirmed'`,
      [call.key, txHash],
    );
    call.afterSend?.();
    return { status: 'sent', txHash };
  } catch (error) {
    // Reconciling or sending failed: nothing was stored, so the next attempt reconciles again first.
    await release().catch(() => undefined);
    throw error;
  }
}

async function confirmSent<R>(pool: Pool, call: KeyedCall<R>, txHash: Hex): Promise<KeyedCallOutcome<R>> {
  try {
    const result = await call.confirm(txHash);
    await pool.query(
      `UPDATE chain_calls SET status = 'confirmed', result = $2, lease_owner = NULL, leased_until = NULL, updated_at = now() WHERE key = $1`,
      [call.key, toJson(result)],
    );
    return { status: 'done', result };
  } catch (error) {
    if (classifyChainError(error).kind === 'transport') {
      // No answer about the transaction: it may still be mined. Keep its hash and wait for it next time.
      await pool.query('UPDATE chain_calls SET error = $2, updated_at = now() WHERE key = $1', [call.key, messageOf(error)]);
      throw error;
    }
    // A failed transaction: forget its hash so the next attempt re-checks the chain and may send again.
    await pool.query(
      `UPDATE chain_calls SET status = 'failed', tx_hash = NULL, error = $2, lease_owner = NULL, leased_until = NULL, updated_at = now()
       WHERE key = $1 AND tx_hash = $3`,
      [call.key, messageOf(error), txHash],
    );
    throw error;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

const toJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
