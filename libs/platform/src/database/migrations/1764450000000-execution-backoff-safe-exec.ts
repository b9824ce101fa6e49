import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed execution steps back off: each item counts the attempts that failed in a row (reset by a step that
 * succeeds), and the stepper waits longer after each (exponential, capped) instead of retrying every few
 * seconds for ever.
 */
export class ExecutionBackoffSafeExec1764450000000 implements MigrationInterface {
  name = 'ExecutionBackoffSafeExec1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE execution_processes ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE execution_daos ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE execution_daos DROP COLUMN attempts');
    await q.query('ALTER TABLE execution_processes DROP COLUMN attempts');
  }
}
