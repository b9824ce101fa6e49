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

/** 503 until the worker has read the pool once (a new DAO or share pool, a new holder, or no chain configured). */
export const notReadYet = (daoId: string, refreshSeconds: number, pool?: string) =>
  retryLater(
    problem(
      503,
      'PAYOUT.NOT_READ_YET',
      `The worker has not read DAO ${daoId}'s payout pool${pool === undefined ? '' : ` ${pool}`} from the chain yet; retry shortly`,
    ),
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
 * One of the DAO's GDA pools (its community pool, or a share pool's) and its members' positions as the worker last
 * read them (one block, every PAYOUT_CACHE_REFRESH_SECONDS): a read costs this one query, never an RPC call, however
 * many members or callers.
 */
export async function readPayouts(db: Pool, daoId: string, poolAddress: string, refreshSeconds: number): Promise<PayoutsView> {
  const pool = await db.query<PoolRow>(
    `SELECT pool, payout_token, total_flow_rate::text, total_units::text, chain_time, refreshed_at FROM payout_pool_cache
     WHERE dao_id = $1 AND pool = $2`,
    [daoId, poolAddress],
  );
  const head = pool.rows[0];
  if (!head) throw notReadYet(daoId, refreshSeconds);
  const members = await readPoolMemberRows(db, daoId, poolAddress);
  return {
    daoId,
    pool: head.pool,
    payoutToken: head.payout_token,
    totalFlowRate: head.total_flow_rate,
    totalUnits: head.total_units,
    chainTime: head.chain_time.toISOString(),
    refreshedAt: head.refreshed_at.toISOString(),
    members: members.map(memberPayoutView),
  };
}

const MEMBER_COLUMNS = 'address, units::text, flow_rate::text, connected, received::text, claimable::text, chain_time';

/** Every cached member of one of the DAO's pools, by address. */
export async function readPoolMemberRows(db: Pool, daoId: string, poolAddress: string): Promise<MemberPayoutRow[]> {
  const { rows } = await db.query<MemberPayoutRow>(
    `SELECT ${MEMBER_COLUMNS} FROM payout_member_cache WHERE dao_id = $1 AND pool = $2 ORDER BY address COLLATE "C"`,
    [daoId, poolAddress],
  );
  return rows;
}

/** One member's cached position in a pool; undefined when the pool holds nothing for them (or was not read yet). */
export async function readMemberPayoutRow(
  db: Pool,
  daoId: string,
  poolAddress: string,
  member: string,
): Promise<MemberPayoutRow | undefined> {
  const { rows } = await db.query<MemberPayoutRow>(
    `SELECT ${MEMBER_COLUMNS} FROM payout_member_cache WHERE dao_id = $1 AND pool = $2 AND address = $3`,
    [daoId, poolAddress, member],
  );
  return rows[0];
}

/** The chain time the worker last read the pool at; null before its first read. */
export async function poolReadAt(db: Pool, daoId: string, poolAddress: string): Promise<Date | null> {
  const { rows } = await db.query<{ chain_time: Date }>('SELECT chain_time FROM payout_pool_cache WHERE dao_id = $1 AND pool = $2', [
    daoId,
    poolAddress,
  ]);
  return rows[0]?.chain_time ?? null;
}
