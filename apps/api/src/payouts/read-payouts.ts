import type { Pool } from 'pg';
import { retryLater, problem } from '../shared/problem';
import type { MemberPayoutView, PayoutsView } from './payouts.view';

interface PoolRow {
  pool: string;
  payout_token: string;
  total_flow_rate: string;
  total_units: string;
  chain_time: Date;
  refreshed_at: Date;
}

export interface MemberPayoutRow {
  address: string;
  units: string;
  flow_rate: string;
  connected: boolean;
  received: string;
  claimable: string;
  chain_time: Date;
}

/** 503 until the worker has read the DAO's pool once (a new DAO, or no chain configured). */
export const notReadYet = (daoId: string, refreshSeconds: number) =>
  retryLater(
    problem(503, 'PAYOUT.NOT_READ_YET', `The worker has not read DAO ${daoId}'s payout pool from the chain yet; retry shortly`),
    refreshSeconds,
  );

export const memberPayoutView = (row: MemberPayoutRow): MemberPayoutView => ({
  address: row.address,
  units: row.units,
  flowRate: row.flow_rate,
  connected: row.connected,
  received: row.received,
  claimable: row.claimable,
});

/**
 * The DAO's pool and its seated members' positions as the worker last read them (one block, every
 * PAYOUT_CACHE_REFRESH_SECONDS): a read costs this one query, never an RPC call, however many members or callers.
 */
export async function readPayouts(db: Pool, daoId: string, refreshSeconds: number): Promise<PayoutsView> {
  const pool = await db.query<PoolRow>(
    `SELECT pool, payout_token, total_flow_rate::text, total_units::text, chain_time, refreshed_at FROM payout_pool_cache WHERE dao_id = $1`,
    [daoId],
  );
  const head = pool.rows[0];
  if (!head) throw notReadYet(daoId, refreshSeconds);
  const members = await db.query<MemberPayoutRow>(
    `SELECT address, units::text, flow_rate::text, connected, received::text, claimable::text, chain_time
     FROM payout_member_cache WHERE dao_id = $1 ORDER BY address COLLATE "C"`,
    [daoId],
  );
  return {
    daoId,
    pool: head.pool,
    payoutToken: head.payout_token,
    totalFlowRate: head.total_flow_rate,
    totalUnits: head.total_units,
    chainTime: head.chain_time.toISOString(),
    refreshedAt: head.refreshed_at.toISOString(),
    members: members.rows.map(memberPayoutView),
  };
}

/** One member's cached position; undefined when the pool holds nothing for them (or was not read yet). */
export async function readMemberPayoutRow(db: Pool, daoId: string, member: string): Promise<MemberPayoutRow | undefined> {
  const { rows } = await db.query<MemberPayoutRow>(
    `SELECT address, units::text, flow_rate::text, connected, received::text, claimable::text, chain_time
     FROM payout_member_cache WHERE dao_id = $1 AND address = $2`,
    [daoId, member],
  );
  return rows[0];
}

export async function poolWasRead(db: Pool, daoId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM payout_pool_cache WHERE dao_id = $1', [daoId]);
  return rows.length > 0;
}
