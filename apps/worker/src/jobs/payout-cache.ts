import { readMemberPayout, superfluidPoolAbi, type PayoutPool } from '@ayllu/chain';
import { streams, type Address, type DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { PublicClient } from 'viem';
import { DrainLoop } from '../processing/drain-loop';

export interface PayoutCacheDeps {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly client: PublicClient;
  readonly chainId: number;
  /** A DAO whose read failed; the next pass tries again. */
  readonly onError: (daoId: string, error: unknown) => void;
}

export const payoutPoolOf = (treasury: DeployedTreasury): PayoutPool => ({
  forwarder: treasury.contracts.gdaForwarder,
  token: treasury.contracts.payoutToken,
  pool: treasury.contracts.pool,
});

/** Members holding a seat (ACTIVE, INACTIVE, SUSPENDED): the ones the pool may pay. */
const seatedMembers = async (store: PostgresEventStore, daoId: string): Promise<Address[]> => {
  const { state } = await store.load(streams.dao.of(daoId));
  if (state.status !== 'Active') return [];
  return [...state.members.values()]
    .filter((m) => m.status === 'ACTIVE' || m.status === 'INACTIVE' || m.status === 'SUSPENDED')
    .map((m) => m.address);
};

/**
 * The payouts the API shows, read from the chain by the worker on a timer and kept in `payout_pool_cache` and
 * `payout_member_cache`: a `GET …/payouts` then costs one query instead of several RPC calls per member, and
 * the number of members (or of callers) no longer multiplies the node's load. Reads happen outside any
 * database transaction; the rows of a DAO are replaced in one short transaction afterwards.
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

  /** Reads the DAO's pool and every seated member's position at one block, then replaces its cached rows. */
  async refreshDao(daoId: string): Promise<void> {
    const { state: treasury } = await this.deps.store.load(streams.treasury.of(daoId));
    if (treasury.status !== 'Deployed') return;
    const payout = payoutPoolOf(treasury);
    const { client } = this.deps;
    const block = await client.getBlock();
    const [totalFlowRate, totalUnits, members] = await Promise.all([
      client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalFlowRate', blockNumber: block.number }),
      client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits', blockNumber: block.number }),
      seatedMembers(this.deps.store, daoId),
    ]);
    const positions = [];
    for (const address of members) positions.push(await this.readMember(payout, address, block));
    const chainTime = new Date(Number(block.timestamp) * 1000);
    const db = await this.deps.pool.connect();
    try {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO payout_pool_cache (dao_id, pool, payout_token, total_flow_rate, total_units, block_number, chain_time, refreshed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (dao_id) DO UPDATE SET pool = $2, payout_token = $3, total_flow_rate = $4, total_units = $5,
           block_number = $6, chain_time = $7, refreshed_at = now()
         WHERE payout_pool_cache.block_number <= $6`,
        [daoId, payout.pool, payout.token, totalFlowRate.toString(), totalUnits.toString(), block.number.toString(), chainTime],
      );
      await db.query('DELETE FROM payout_member_cache WHERE dao_id = $1 AND NOT (address = ANY($2))', [daoId, members]);
      for (const p of positions) await upsertMember(db, daoId, p, chainTime);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      db.release();
    }
  }

  /** Re-reads one member right after something moved their payout (a claim). */
  async refreshMember(daoId: string, member: Address): Promise<void> {
    const { state: treasury } = await this.deps.store.load(streams.treasury.of(daoId));
    if (treasury.status !== 'Deployed') return;
    const block = await this.deps.client.getBlock();
    const position = await this.readMember(payoutPoolOf(treasury), member, block);
    await upsertMember(this.deps.pool, daoId, position, new Date(Number(block.timestamp) * 1000));
  }

  private async readMember(payout: PayoutPool, address: Address, block: { number: bigint; timestamp: bigint }) {
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
  p: { address: Address; units: bigint; flowRate: bigint; connected: boolean; received: bigint; claimable: bigint },
  chainTime: Date,
) =>
  db.query(
    `INSERT INTO payout_member_cache (dao_id, address, units, flow_rate, connected, received, claimable, chain_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (dao_id, address) DO UPDATE SET units = $3, flow_rate = $4, connected = $5, received = $6, claimable = $7, chain_time = $8
     WHERE payout_member_cache.chain_time <= $8`,
    [daoId, p.address, p.units.toString(), p.flowRate.toString(), p.connected, p.received.toString(), p.claimable.toString(), chainTime],
  );
