import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A DAO pays through more than one GDA pool: its community pool and one per deployed share pool. The payout cache
 * and the relayer's claims are keyed by the GDA pool's address as well as the DAO: `pool` on the members' cache and
 * the claims (filled from the DAO's one cached pool), and `share_pool_id` naming the share pool a cached pool
 * belongs to (null: the DAO's community pool). Cache rows whose pool cannot be told are dropped (the next
 * refresh writes them again); a claim row always has one, since a claim was only accepted against a cached pool.
 */
export class PayoutClaimsPerPool1764900000000 implements MigrationInterface {
  name = 'PayoutClaimsPerPool1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payout_pool_cache ADD COLUMN share_pool_id TEXT`);
    await q.query(`ALTER TABLE payout_pool_cache DROP CONSTRAINT payout_pool_cache_pkey, ADD PRIMARY KEY (dao_id, pool)`);
    for (const table of ['payout_member_cache', 'payout_claims']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN pool TEXT`);
      await q.query(`UPDATE ${table} t SET pool = c.pool FROM payout_pool_cache c WHERE c.dao_id = t.dao_id`);
      await q.query(`DELETE FROM ${table} WHERE pool IS NULL`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN pool SET NOT NULL`);
    }
    await q.query(`ALTER TABLE payout_member_cache DROP CONSTRAINT payout_member_cache_pkey, ADD PRIMARY KEY (dao_id, pool, address)`);
    await q.query(`ALTER TABLE payout_claims DROP CONSTRAINT payout_claims_pkey, ADD PRIMARY KEY (dao_id, pool, member)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const community = `SELECT dao_id, pool FROM payout_pool_cache WHERE share_pool_id IS NULL`;
    await q.query(`DELETE FROM payout_claims WHERE (dao_id, pool) NOT IN (${community})`);
    await q.query(`DELETE FROM payout_member_cache WHERE (dao_id, pool) NOT IN (${community})`);
    await q.query(`DELETE FROM payout_pool_cache WHERE share_pool_id IS NOT NULL`);
    await q.query(`ALTER TABLE payout_claims DROP CONSTRAINT payout_claims_pkey, ADD PRIMARY KEY (dao_id, member)`);
    await q.query(`ALTER TABLE payout_member_cache DROP CONSTRAINT payout_member_cache_pkey, ADD PRIMARY KEY (dao_id, address)`);
    await q.query(`ALTER TABLE payout_claims DROP COLUMN pool`);
    await q.query(`ALTER TABLE payout_member_cache DROP COLUMN pool`);
    await q.query(`ALTER TABLE payout_pool_cache DROP CONSTRAINT payout_pool_cache_pkey, ADD PRIMARY KEY (dao_id)`);
    await q.query(`ALTER TABLE payout_pool_cache DROP COLUMN share_pool_id`);
  }
}
