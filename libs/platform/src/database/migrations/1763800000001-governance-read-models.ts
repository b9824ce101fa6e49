import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of governance: members (extending rm_members), proposals and ballots, and the state of the
 * proposal-deadline process manager. All are rebuilt from the log; none is a source of truth.
 */
export class GovernanceReadModels1763800000001 implements MigrationInterface {
  name = 'GovernanceReadModels1763800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_members
        ADD COLUMN weight_reason   TEXT        NOT NULL DEFAULT '',
        ADD COLUMN admitted        BOOLEAN     NOT NULL DEFAULT false,
        ADD COLUMN units           NUMERIC(78),
        ADD COLUMN pending_removal TEXT`);
    await q.query(`
      CREATE TABLE rm_proposals (
        id                 TEXT PRIMARY KEY,
        dao_id             TEXT        NOT NULL,
        type               TEXT        NOT NULL,
        state              TEXT        NOT NULL,
        proposer           TEXT        NOT NULL,
        payload            JSONB       NOT NULL,
        rules              JSONB       NOT NULL,
        tally_for          NUMERIC(78) NOT NULL,
        tally_against      NUMERIC(78) NOT NULL,
        tally_abstain      NUMERIC(78) NOT NULL,
        voting_starts_at   TIMESTAMPTZ NOT NULL,
        voting_ends_at     TIMESTAMPTZ NOT NULL,
        submitted_position BIGINT      NOT NULL,
        -- The proposal's folded domain state (bigint-tagged JSON): what the views are built from.
        fold_state         JSONB       NOT NULL,
        updated_at         TIMESTAMPTZ NOT NULL,
        version            INTEGER     NOT NULL,
        last_position      BIGINT      NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_proposals_dao_idx ON rm_proposals (dao_id, submitted_position)`);
    await q.query(`CREATE INDEX rm_proposals_dao_state_idx ON rm_proposals (dao_id, state, submitted_position)`);
    await q.query(`
      CREATE TABLE rm_votes (
        proposal_id TEXT        NOT NULL,
        version     INTEGER     NOT NULL,
        dao_id      TEXT        NOT NULL,
        voter       TEXT        NOT NULL,
        choice      TEXT        NOT NULL,
        weight      NUMERIC(78) NOT NULL,
        replaces    TEXT,
        replaced    BOOLEAN     NOT NULL DEFAULT false,
        cast_at     TIMESTAMPTZ NOT NULL,
        position    BIGINT      NOT NULL,
        PRIMARY KEY (proposal_id, version)
      )`);
    await q.query(`CREATE INDEX rm_votes_voter_idx ON rm_votes (proposal_id, voter, version)`);
    await q.query(`
      CREATE TABLE pm_proposal_deadlines (
        proposal_id    TEXT PRIMARY KEY,
        dao_id         TEXT        NOT NULL,
        early_close    BOOLEAN     NOT NULL,
        voting_ends_at TIMESTAMPTZ NOT NULL,
        open           BOOLEAN     NOT NULL DEFAULT true
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pm_proposal_deadlines');
    await q.query('DROP TABLE rm_votes');
    await q.query('DROP TABLE rm_proposals');
    await q.query(`
      ALTER TABLE rm_members
        DROP COLUMN weight_reason, DROP COLUMN admitted, DROP COLUMN units, DROP COLUMN pending_removal`);
  }
}
