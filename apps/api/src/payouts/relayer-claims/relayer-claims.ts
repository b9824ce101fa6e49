import { Inject, Injectable } from '@nestjs/common';
import { PAYOUT_CLAIM_QUEUE, payoutClaimKey, type AppConfig, type PayoutClaimJobData } from '@ayllu/platform';
import type { Pool, PoolClient } from 'pg';
import PgBoss from 'pg-boss';
import { problem, ProblemException, retryLater } from '../../shared/problem';
import { APP_CONFIG, PG_POOL } from '../../shared/tokens';
import type { ClaimView } from '../payouts.view';
import { notReadYet, poolReadAt, readMemberPayoutRow } from '../read-payouts';
import { CLAIM_COLUMNS, claimViewOf, STALE_CLAIM_MS, type ClaimTarget, type PayoutClaimRow } from './payout-claim-row';

/**
 * Asks the worker's relayer to call a GDA pool's claimAll for a member who has not connected: a pg-boss job keyed
 * by DAO, pool and member. One mechanism for every pool a DAO pays through (its community pool, each share pool's);
 * the routes only say which pool and member. The API sends nothing and holds no key. Anyone may ask (the tokens can
 * only go to the member); what keeps it harmless is checked here, before any job exists:
 * - one accepted claim per member and pool per CLAIM_COOLDOWN_SECONDS (429 with Retry-After inside it);
 * - the member holds units in the pool and is not connected (from the worker's payout cache, no RPC call);
 * - what they can claim now is at least CLAIM_MIN_AMOUNT (the cached figure plus what streamed since).
 * The claim's `payout_claims` row is locked while deciding, so parallel requests get the same job.
 */
@Injectable()
export class RelayerClaims {
  private readonly boss: PgBoss;

  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Only `send` is used, each time through the request's own transaction: no schema install, no polling.
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => db.query(text, values) },
      schema: 'pgboss',
      schedule: false,
      supervise: false,
      migrate: false,
    });
  }

  async request(target: ClaimTarget): Promise<ClaimView> {
    const { daoId, pool, member } = target;
    const { cooldownSeconds } = this.config.claims;
    const tx = await this.db.connect();
    try {
      await tx.query('BEGIN');
      await tx.query(
        `INSERT INTO payout_claims (dao_id, pool, member, status, requested_at) VALUES ($1, $2, $3, 'none', 'epoch') ON CONFLICT DO NOTHING`,
        [daoId, pool, member],
      );
      const { rows } = await tx.query<PayoutClaimRow>(
        `SELECT ${CLAIM_COLUMNS} FROM payout_claims WHERE dao_id = $1 AND pool = $2 AND member = $3 FOR UPDATE`,
        [daoId, pool, member],
      );
      const last = rows[0];
      const now = new Date();
      // A claim already waiting (a parallel request got there first): the same job answers.
      if (last.status === 'queued' && now.getTime() - last.requested_at.getTime() < STALE_CLAIM_MS) {
        await tx.query('COMMIT');
        return claimViewOf(target, last, cooldownSeconds);
      }
      const nextAt = last.requested_at.getTime() + cooldownSeconds * 1000;
      if (now.getTime() < nextAt) {
        await tx.query('ROLLBACK');
        throw retryLater(
          problem(
            429,
            'PAYOUT.CLAIM_COOLDOWN',
            `${member} had a claim from ${pool} at ${last.requested_at.toISOString()}; the next may be asked for from ${new Date(nextAt).toISOString()} (CLAIM_COOLDOWN_SECONDS)`,
          ),
          (nextAt - now.getTime()) / 1000,
        );
      }
      await this.requireWorthClaiming(target);
      const data: PayoutClaimJobData = { daoId, member, pool, ...(target.sharePoolId === null ? {} : { sharePoolId: target.sharePoolId }) };
      const jobId = await this.enqueue(tx, data);
      const updated = await tx.query<PayoutClaimRow>(
        `UPDATE payout_claims SET status = 'queued', job_id = $4, requested_at = $5, finished_at = NULL, tx_hash = NULL, claimed = NULL, reason = NULL
         WHERE dao_id = $1 AND pool = $2 AND member = $3 RETURNING ${CLAIM_COLUMNS}`,
        [daoId, pool, member, jobId, now],
      );
      await tx.query('COMMIT');
      return claimViewOf(target, updated.rows[0], cooldownSeconds);
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  /** The latest claim asked for the member on the pool; 404 when there was none. */
  async latest(target: ClaimTarget): Promise<ClaimView> {
    const { rows } = await this.db.query<PayoutClaimRow>(
      `SELECT ${CLAIM_COLUMNS} FROM payout_claims WHERE dao_id = $1 AND pool = $2 AND member = $3 AND job_id IS NOT NULL`,
      [target.daoId, target.pool, target.member],
    );
    if (!rows[0])
      throw new ProblemException(problem(404, 'PAYOUT.NO_CLAIM', `No claim was asked for ${target.member} from pool ${target.pool}`));
    return claimViewOf(target, rows[0], this.config.claims.cooldownSeconds);
  }

  /** From the cache: a member of the pool, not connected, with at least the minimum claimable by now. */
  private async requireWorthClaiming({ daoId, pool, member, notAMember }: ClaimTarget): Promise<void> {
    const refresh = this.config.payoutCacheRefreshSeconds;
    const row = await readMemberPayoutRow(this.db, daoId, pool, member);
    if (!row) {
      if ((await poolReadAt(this.db, daoId, pool)) === null) throw notReadYet(daoId, refresh, pool);
      throw notAMember();
    }
    if (row.connected)
      throw new ProblemException(
        problem(409, 'PAYOUT.CONNECTED', `${member} is connected to the pool: the stream reaches their balance live, nothing to claim`),
      );
    const { minimumAmount } = this.config.claims;
    const flowRate = BigInt(row.flow_rate);
    const elapsed = BigInt(Math.max(0, Math.floor((Date.now() - row.chain_time.getTime()) / 1000)));
    const claimable = BigInt(row.claimable) + flowRate * elapsed;
    if (claimable >= minimumAmount) return;
    const refusal = problem(
      409,
      'PAYOUT.BELOW_MINIMUM',
      `${member} can claim about ${claimable} now; a claim needs at least ${minimumAmount} (CLAIM_MIN_AMOUNT)`,
    );
    if (flowRate <= 0n) throw new ProblemException(refusal);
    const wait = (minimumAmount - claimable + flowRate - 1n) / flowRate;
    throw retryLater(refusal, Number(wait > 31_536_000n ? 31_536_000n : wait));
  }

  /** The job, inserted through the request's transaction; the one already waiting under the same key if any. */
  private async enqueue(tx: PoolClient, data: PayoutClaimJobData): Promise<string> {
    const singletonKey = payoutClaimKey(data);
    const db = { executeSql: (text: string, values: unknown[]) => tx.query(text, values) };
    const id = await this.boss.send(PAYOUT_CLAIM_QUEUE, data, { singletonKey, db });
    if (id) return id;
    const waiting = await tx.query<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry', 'active') ORDER BY created_on DESC LIMIT 1`,
      [PAYOUT_CLAIM_QUEUE, singletonKey],
    );
    if (waiting.rows[0]) return waiting.rows[0].id;
    throw new ProblemException(
      problem(503, 'PAYOUT.CLAIMS_UNAVAILABLE', 'The worker that sends claims has not started yet; retry shortly'),
    );
  }
}
