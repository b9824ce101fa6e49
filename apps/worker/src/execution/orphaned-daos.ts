import type { Pool } from 'pg';
import type { Address, PublicClient } from 'viem';

export interface OrphanedDao {
  readonly daoId: string;
  readonly safe: Address;
}

/**
 * DAOs the log records as deployed on `chainId` whose Safe has no code there any more: the local development
 * chain restarted empty under a database that outlived it. Their proposals cannot execute; `npm start` says so.
 */
export async function findOrphanedDaos(pool: Pool, client: PublicClient, chainId: number): Promise<OrphanedDao[]> {
  const { rows } = await pool.query<{ dao_id: string; safe: Address }>(
    `SELECT data->>'daoId' AS dao_id, data->>'safe' AS safe FROM events
     WHERE type = 'DaoContractsDeployed' AND (data->>'chainId')::bigint = $1 ORDER BY global_position`,
    [chainId],
  );
  const orphaned: OrphanedDao[] = [];
  for (const row of rows) {
    const code = await client.getCode({ address: row.safe });
    if (!code || code === '0x') orphaned.push({ daoId: row.dao_id, safe: row.safe });
  }
  return orphaned;
}
