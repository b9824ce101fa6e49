import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rosca_processes`: which rotating pools need their next step (apps/worker/src/rotating) and when, claimed by
 * the execution stepper like `execution_daos` (lease in `due_at`, `wakes` so a wake-up during a step is not lost).
 */
export class RoscaOperations1764700000001 implements MigrationInterface {
  name = 'RoscaOperations1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rosca_processes (
        pool_id      TEXT PRIMARY KEY,
        dao_id       TEXT        NOT NULL,
        due_at       TIMESTAMPTZ,
        wakes        BIGINT      NOT NULL DEFAULT 0,
        attempts     INTEGER     NOT NULL DEFAULT 0,
        last_step    TEXT,
        last_error   TEXT,
        updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX rosca_processes_due ON rosca_processes (due_at) WHERE due_at IS NOT NULL');
    await q.query('CREATE INDEX rosca_processes_dao ON rosca_processes (dao_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rosca_processes');
  }
}
