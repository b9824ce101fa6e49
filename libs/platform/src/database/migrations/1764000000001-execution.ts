import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The execution process manager's work tables. `execution_processes` says which proposals (and
 * `execution_daos` which DAOs) need their next step and when; `chain_calls` is the ledger of intended chain
 * calls: a row per unique key, written before sending, so that a crash or a second worker never sends twice.
 */
export class Execution1764000000001 implements MigrationInterface {
  name = 'Execution1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE execution_processes (
        proposal_id  TEXT PRIMARY KEY,
        dao_id       TEXT        NOT NULL,
        -- NULL: nothing to do until an event wakes it; otherwise the time its next step is due
        due_at       TIMESTAMPTZ,
        -- bumped by every waking event, so a step that ran meanwhile does not swallow the wake-up
        wakes        BIGINT      NOT NULL DEFAULT 0,
        last_step    TEXT,
        last_error   TEXT,
        updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX execution_processes_due_idx ON execution_processes (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE INDEX execution_processes_dao_idx ON execution_processes (dao_id)`);
    await q.query(`
      CREATE TABLE execution_daos (
        dao_id       TEXT PRIMARY KEY,
        due_at       TIMESTAMPTZ,
        wakes        BIGINT      NOT NULL DEFAULT 0,
        last_step    TEXT,
        last_error   TEXT,
        updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE chain_calls (
        key          TEXT PRIMARY KEY,
        kind         TEXT        NOT NULL,
        dao_id       TEXT        NOT NULL,
        status       TEXT        NOT NULL CHECK (status IN ('intended', 'sent', 'confirmed', 'failed')),
        tx_hash      TEXT,
        result       JSONB,
        error        TEXT,
        attempts     INTEGER     NOT NULL DEFAULT 0,
        created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE chain_calls');
    await q.query('DROP TABLE execution_daos');
    await q.query('DROP TABLE execution_processes');
  }
}
