import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of share pools (the `share-pools` projection): pools with their figures and folded read-side history,
 * holders (a row per holder with shares), and distributions. All rebuilt from the log; none is a source of truth.
 */
export class SharePoolReadModels1764800000000 implements MigrationInterface {
  name = 'SharePoolReadModels1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_share_pools (
        pool_id          TEXT PRIMARY KEY,
        dao_id           TEXT        NOT NULL,
        name             TEXT        NOT NULL,
        ticker           TEXT        NOT NULL,
        status           TEXT        NOT NULL,
        visibility       TEXT        NOT NULL,
        way_to_access    TEXT        NOT NULL,
        contract_address TEXT,
        available        INTEGER     NOT NULL,
        reserved         INTEGER     NOT NULL,
        holder_count     INTEGER     NOT NULL,
        -- In the purchase token's smallest unit: escrowed by an open crowdfunding; paid to the creator.
        raised           NUMERIC(78) NOT NULL,
        proceeds         NUMERIC(78) NOT NULL,
        -- In the distribution token's smallest unit: what the pool's contract received for its available shares.
        kept_by_pool     NUMERIC(78) NOT NULL,
        deleted          BOOLEAN     NOT NULL,
        created_at       TIMESTAMPTZ NOT NULL,
        created_position BIGINT      NOT NULL,
        -- The pool's read-side history (bigint-tagged JSON): what the API's views and statements are built from.
        fold_state       JSONB       NOT NULL,
        version          INTEGER     NOT NULL,
        position         BIGINT      NOT NULL,
        updated_at       TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_share_pools_dao_idx ON rm_share_pools (dao_id, created_position)`);
    await q.query(`
      CREATE TABLE rm_share_holders (
        pool_id TEXT    NOT NULL,
        holder  TEXT    NOT NULL,
        dao_id  TEXT    NOT NULL,
        shares  INTEGER NOT NULL CHECK (shares > 0),
        PRIMARY KEY (pool_id, holder)
      )`);
    await q.query(`CREATE INDEX rm_share_holders_holder_idx ON rm_share_holders (lower(holder))`);
    await q.query(`
      CREATE TABLE rm_share_distributions (
        pool_id               TEXT        NOT NULL,
        index                 INTEGER     NOT NULL,
        round                 INTEGER     NOT NULL,
        kind                  TEXT        NOT NULL,
        -- Instant: wei; stream: wei per second.
        amount                NUMERIC(78) NOT NULL,
        paid                  NUMERIC(78) NOT NULL,
        kept                  NUMERIC(78) NOT NULL,
        left_with_distributor NUMERIC(78) NOT NULL,
        at                    TIMESTAMPTZ NOT NULL,
        stopped_at            TIMESTAMPTZ,
        tx_hash               TEXT        NOT NULL,
        PRIMARY KEY (pool_id, index)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_share_distributions');
    await q.query('DROP TABLE rm_share_holders');
    await q.query('DROP TABLE rm_share_pools');
  }
}
