import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `share_pool_processes`: which share pools need their next step (apps/worker/src/shares) and when, claimed by the
 * execution stepper like `rosca_processes` (lease in `due_at`, `wakes` so a wake-up during a step is not lost).
 */
export class SharePoolOperations1764800000001 implements MigrationInterface {
  name = 'SharePoolOperations1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE share_pool_processes (
        pool_id      TEXT PRIMARY KEY,
        dao_id       TEXT        NOT NULL,
        due_at       TIMESTAMPTZ,
        wakes        BIGINT      NOT NULL DEFAULT 0,
        attempts     INTEGER     NOT NULL DEFAULT 0,
        last_step    TEXT,
        last_error   TEXT,
        updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX share_pool_processes_due ON share_pool_processes (due_at) WHERE due_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE share_pool_processes');
  }
}
