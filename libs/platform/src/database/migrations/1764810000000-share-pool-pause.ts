import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rm_share_pools.paused` and `.operator`: whether the DAO's Safe paused the pool, and the account its contract takes
 * operator calls from (null when the log did not record it: pools deployed before it was kept). Pools recorded before
 * pauses existed were never paused, so the defaults are their true values without a rebuild.
 */
export class SharePoolPause1764810000000 implements MigrationInterface {
  name = 'SharePoolPause1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_share_pools ADD COLUMN paused BOOLEAN NOT NULL DEFAULT false, ADD COLUMN operator TEXT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_share_pools DROP COLUMN paused, DROP COLUMN operator');
  }
}
