import type { RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';
import type { Projection } from '../projections/projection';

/**
 * Starts indexing a DAO when its contracts are recorded: one `chain_index` row, written with the
 * subscription's checkpoint. The row keeps what the indexer watches, so polling needs no event replay.
 */
export const chainIndexSubscription = (gda: string): Projection => ({
  name: 'chain-index-daos',
  tables: [],
  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'DaoContractsDeployed') continue;
      const data = event.data as {
        daoId: string;
        chainId: number;
        vault: string;
        safe: string;
        timelock: string;
        pool: string;
        fromBlock: bigint | string;
      };
      const contracts = { vault: data.vault, safe: data.safe, timelock: data.timelock, pool: data.pool, gda };
      await tx.query(
        `INSERT INTO chain_index (dao_id, chain_id, contracts, from_block) VALUES ($1, $2, $3, $4) ON CONFLICT (dao_id) DO NOTHING`,
        [data.daoId, data.chainId, JSON.stringify(contracts), String(data.fromBlock)],
      );
    }
  },
});
