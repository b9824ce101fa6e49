import { processor } from '../processing/processor';

/**
 * Starts indexing a DAO when its contracts are recorded: one `chain_index` row, written with the
 * processor's checkpoint. The row keeps what the indexer watches, so polling needs no event replay.
 */
export const chainIndexSubscription = (gda: string) =>
  processor({
    name: 'chain-index-daos',
    canHandle: ['DaoContractsDeployed'],
    async handle(tx, events) {
      for (const { data } of events) {
        const contracts = { vault: data.vault, safe: data.safe, timelock: data.timelock, pool: data.pool, gda };
        await tx.query(
          `INSERT INTO chain_index (dao_id, chain_id, contracts, from_block) VALUES ($1, $2, $3, $4) ON CONFLICT (dao_id) DO NOTHING`,
          [data.daoId, data.chainId, JSON.stringify(contracts), String(data.fromBlock)],
        );
      }
    },
  });
