import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of rotating pools (the `rotating-pools` projection): pools with their dashboard figures,
 * members, every round's contributions, and the schedule. All rebuilt from the log; none is a source of truth.
 * `rm_rosca_members (dao_id, member) WHERE departed = 'expelled'` is the API's ban check for new joins.
 */
export class RoscaReadModels1764700000000 implements MigrationInterface {
  name = 'RoscaReadModels1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_rosca_pools (
        pool_id          TEXT PRIMARY KEY,
        dao_id           TEXT        NOT NULL,
        status           TEXT        NOT NULL,
        rotation_method  TEXT        NOT NULL,
        contract_address TEXT,
        configuration    JSONB       NOT NULL,
        member_count     INTEGER     NOT NULL,
        rounds           INTEGER,
        current_round    INTEGER,
        first_due_at     TIMESTAMPTZ,
        created_at       TIMESTAMPTZ NOT NULL,
        created_position BIGINT      NOT NULL,
        -- Dashboard figures, in the token's smallest unit.
        total_volume     NUMERIC(78) NOT NULL,
        yield_earned     NUMERIC(78) NOT NULL,
        fees             NUMERIC(78) NOT NULL,
        held             NUMERIC(78) NOT NULL,
        -- The pool's read-side history (bigint-tagged JSON, contributions aside): what the views are built from.
        fold_state       JSONB       NOT NULL,
        version          INTEGER     NOT NULL,
        position         BIGINT      NOT NULL,
        updated_at       TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_rosca_pools_dao_idx ON rm_rosca_pools (dao_id, created_position)`);
    await q.query(`
      CREATE TABLE rm_rosca_members (
        pool_id        TEXT        NOT NULL,
        member         TEXT        NOT NULL,
        dao_id         TEXT        NOT NULL,
        joined_at      TIMESTAMPTZ NOT NULL,
        collateral     NUMERIC(78) NOT NULL,
        held_back      NUMERIC(78) NOT NULL,
        contributed    NUMERIC(78) NOT NULL,
        received_round INTEGER,
        strikes        INTEGER     NOT NULL,
        departed       TEXT,
        PRIMARY KEY (pool_id, member)
      )`);
    await q.query(`CREATE INDEX rm_rosca_members_dao_member_idx ON rm_rosca_members (dao_id, member)`);
    await q.query(`
      CREATE TABLE rm_rosca_contributions (
        pool_id TEXT        NOT NULL,
        round   INTEGER     NOT NULL,
        member  TEXT        NOT NULL,
        status  TEXT        NOT NULL,
        amount  NUMERIC(78) NOT NULL,
        penalty NUMERIC(78) NOT NULL,
        timing  TEXT,
        paid_at TIMESTAMPTZ,
        PRIMARY KEY (pool_id, round, member)
      )`);
    await q.query(`CREATE INDEX rm_rosca_contributions_member_idx ON rm_rosca_contributions (pool_id, member, round)`);
    await q.query(`
      CREATE TABLE rm_rosca_rounds (
        pool_id      TEXT        NOT NULL,
        round        INTEGER     NOT NULL,
        kind         TEXT        NOT NULL,
        recipient    TEXT,
        due_at       TIMESTAMPTZ NOT NULL,
        settled_at   TIMESTAMPTZ,
        gross        NUMERIC(78),
        fee          NUMERIC(78),
        paid         NUMERIC(78),
        discount_bps INTEGER,
        yield_earned NUMERIC(78),
        tx_hash      TEXT,
        PRIMARY KEY (pool_id, round)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_rosca_rounds');
    await q.query('DROP TABLE rm_rosca_contributions');
    await q.query('DROP TABLE rm_rosca_members');
    await q.query('DROP TABLE rm_rosca_pools');
  }
}
