import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the DAO projection. Dropped and rebuilt from the log by `projections:rebuild dao`. */
export class ReadModels1763683300000 implements MigrationInterface {
  name = 'ReadModels1763683300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_daos (
        id            TEXT PRIMARY KEY,
        name          TEXT        NOT NULL,
        description   TEXT        NOT NULL,
        configuration JSONB       NOT NULL,
        member_count  INTEGER     NOT NULL DEFAULT 0,
        created_at    TIMESTAMPTZ NOT NULL,
        created_by    TEXT        NOT NULL,
        updated_at    TIMESTAMPTZ NOT NULL,
        version       INTEGER     NOT NULL,
        last_position BIGINT      NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_daos_created_idx ON rm_daos (created_at DESC, id)`);
    await q.query(`
      CREATE TABLE rm_members (
        dao_id          TEXT        NOT NULL,
        address         TEXT        NOT NULL,
        status          TEXT        NOT NULL,
        total_deposited NUMERIC(78) NOT NULL DEFAULT 0,
        current_balance NUMERIC(78) NOT NULL DEFAULT 0,
        accrued_yield   NUMERIC(78) NOT NULL DEFAULT 0,
        voting_weight   NUMERIC(78) NOT NULL DEFAULT 0,
        joined_at       TIMESTAMPTZ,
        updated_at      TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (dao_id, address)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_members');
    await q.query('DROP TABLE rm_daos');
  }
}
