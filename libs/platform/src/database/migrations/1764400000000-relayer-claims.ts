import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payouts as the worker last read them from the chain (the API answers from here, so a read costs no RPC
 * call), and the latest payout claim per member (the API's cooldown and the claim's outcome).
 * None is a source of truth: the cache is re-read every PAYOUT_CACHE_REFRESH_SECONDS.
 */
export class RelayerClaims1764400000000 implements MigrationInterface {
  name = 'RelayerClaims1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_pool_cache (
        dao_id           TEXT PRIMARY KEY,
        pool             TEXT        NOT NULL,
        payout_token     TEXT        NOT NULL,
        total_flow_rate  NUMERIC(78) NOT NULL,
        total_units      NUMERIC(78) NOT NULL,
        -- the block the figures were read at
        block_number     NUMERIC(78) NOT NULL,
        chain_time       TIMESTAMPTZ NOT NULL,
        refreshed_at     TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`
      CREATE TABLE payout_member_cache (
        dao_id      TEXT        NOT NULL,
        address     TEXT        NOT NULL,
        units       NUMERIC(78) NOT NULL,
        flow_rate   NUMERIC(78) NOT NULL,
        connected   BOOLEAN     NOT NULL,
        received    NUMERIC(78) NOT NULL,
        claimable   NUMERIC(78) NOT NULL,
        chain_time  TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (dao_id, address)
      )`);
    await q.query(`
      CREATE TABLE payout_claims (
        dao_id        TEXT        NOT NULL,
        member        TEXT        NOT NULL,
        -- queued (a job waits or runs), claimed, skipped (nothing worth claiming when it ran), failed
        status        TEXT        NOT NULL,
        job_id        TEXT,
        requested_at  TIMESTAMPTZ NOT NULL,
        finished_at   TIMESTAMPTZ,
        tx_hash       TEXT,
        claimed       NUMERIC(78),
        reason        TEXT,
        PRIMARY KEY (dao_id, member)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payout_claims`);
    await q.query(`DROP TABLE payout_member_cache`);
    await q.query(`DROP TABLE payout_pool_cache`);
  }
}
