import { readMemberPayout, superfluidPoolAbi } from '@ayllu/chain';
import { streams, type Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { PublicClient } from 'viem';
import { DrainLoop } from '../processing/drain-loop';
import { communityTarget, sharePoolIdsOf, seatedMembers, sharePoolTarget, type PayoutTarget } from './payout-targets';

export interface PayoutCacheDeps {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly client: PublicClient;
  readonly chainId: number;
  /** A DAO whose read failed; the next pass tries again. */
  readonly onError: (daoId: string, error: unknown) => void;
}

type Block = { number: bigint; timestamp: bigint };

/**
 * The payouts the API shows, read from the chain by the worker on a timer and kept in `payout_pool_cache` and
 * `payout_member_cache`, one row set per GDA pool of a DAO (its community pool, and each deployed share pool's
 * with its holders): a `GET …/payouts` or a claim's checks then cost one query instead of several RPC calls per
 * member, and the number of members (or of callers) no longer multiplies the node's load. Reads happen outside
 * any database transaction; the rows of a pool are replaced in one short transaction afterwards.
 */
export class PayoutCache {
  private readonly loop: DrainLoop;

  constructor(private readonly deps: PayoutCacheDeps) {
    this.loop = new DrainLoop({ drain: () => this.refreshAll(), onError: (error) => deps.onError('*', error) });
  }

  start(intervalMs: number): void {
    this.loop.start({ pollMs: intervalMs });
    void this.loop.wake();
  }

  /** Refreshes every deployed DAO now; overlapping calls coalesce. */
  tick(): Promise<void> {
    return this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async refreshAll(): Promise<void> {
    const { rows } = await this.deps.pool.query<{ dao_id: string }>(`SELECT dao_id FROM chain_index WHERE chain_id = $1 ORDER BY dao_id`, [
      this.deps.chainId,
    ]);
    for (const { dao_id } of rows) await this.refreshDao(dao_id).catch((error: unknown) => this.deps.onError(dao_id, error));
  }

  /** Reads the DAO's community pool and each deployed share pool's, every one at one block, and replaces their rows. */
  async refreshDao(daoId: string): Promise<void> {
    const { state: treasury } = await this.deps.store.load(streams.treasury.of(daoId));
    if (treasury.status !== 'Deployed') return;
    const block = await this.deps.client.getBlock();
    await this.refreshPool(daoId, communityTarget(treasury), await seatedMembers(this.deps.store, daoId), block);
    for (const id of await sharePoolIdsOf(this.deps.pool, daoId)) {
      const share = await sharePoolTarget(this.deps.store, treasury, daoId, id);
      if (share) await this.refreshPool(daoId, share.target, share.holders, block);
    }
  }

  private async refreshPool(daoId: string, target: PayoutTarget, members: Address[], block: Block): Promise<void> {
    const { client } = this.deps;
    const { payout } = target;
    const [totalFlowRate, totalUnits] = await Promise.all([
      client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalFlowRate', blockNumber: block.number }),
      client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits', blockNumber: block.number }),
    ]);
    const positions = [];
    for (const address of members) positions.push(await this.readMember(target, address, block));
    const chainTime = new Date(Number(block.timestamp) * 1000);
    const db = await this.deps.pool.connect();
    try {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO payout_pool_cache (dao_id, pool, share_pool_id, payout_token, total_flow_rate, total_units, block_number, chain_time, refreshed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (dao_id, pool) DO UPDATE SET share_pool_id = $3, payout_token = $4, total_flow_rate = $5, total_units = $6,
           block_number = $7, chain_time = $8, refreshed_at = now()
         WHERE payout_pool_cache.block_number <= $7`,
        [
          daoId,
          payout.pool,
          target.sharePoolId,
          payout.token,
          totalFlowRate.toString(),
          totalUnits.toString(),
          block.number.toString(),
          chainTime,
        ],
      );
      await db.query('DELETE FROM payout_member_cache WHERE dao_id = $1 AND pool = $2 AND NOT (address = ANY($3))', [
        daoId,
        payout.pool,
        members,
      ]);
      for (const p of positions) await upsertMember(db, daoId, payout.pool, p, chainTime);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      db.release();
    }
  }

  /** Re-reads one member of one pool right after something moved their payout (a claim). */
  async refreshMember(daoId: string, target: PayoutTarget, member: Address): Promise<void> {
    const block = await this.deps.client.getBlock();
    const position = await this.readMember(target, member, block);
    await upsertMember(this.deps.pool, daoId, target.payout.pool, position, new Date(Number(block.timestamp) * 1000));
  }

  private async readMember({ payout }: PayoutTarget, address: Address, block: Block) {
    const [position, received] = await Promise.all([
      readMemberPayout(this.deps.client, payout, address, block.timestamp),
      this.deps.client.readContract({
        address: payout.pool,
        abi: superfluidPoolAbi,
        functionName: 'getTotalAmountReceivedByMember',
        args: [address],
        blockNumber: block.number,
      }),
    ]);
    return { address, ...position, received };
  }
}

type Queryable = { query: (text: string, values: unknown[]) => Promise<unknown> };

const upsertMember = (
  db: Queryable,
  daoId: string,
  pool: Address,
  p: { address: Address; units: bigint; flowRate: bigint; connected: boolean; received: bigint; claimable: bigint },
  chainTime: Date,
) =>
  db.query(
    `INSERT INTO payout_member_cache (dao_id, pool, address, units, flow_rate, connected, received, claimable, chain_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (dao_id, pool, address) DO UPDATE SET units = $4, flow_rate = $5, connected = $6, received = $7, claimable = $8, chain_time = $9
     WHERE payout_member_cache.chain_time <= $9`,
    [
      daoId,
      pool,
      p.address,
      p.units.toString(),
      p.flowRate.toString(),
      p.connected,
      p.received.toString(),
      p.claimable.toString(),
      chainTime,
    ],
  );
