import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A DAO may attach an existing Safe: its deployment row says so (`attached`) and whether the Safe has enabled
 * the DAO's timelock module yet (`module_enabled`; a Safe the platform deployed has it from the start).
 */
export class AttachedSafe1764620000000 implements MigrationInterface {
  name = 'AttachedSafe1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE rm_dao_deployments ADD COLUMN attached BOOLEAN NOT NULL DEFAULT false, ADD COLUMN module_enabled BOOLEAN NOT NULL DEFAULT true`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_dao_deployments DROP COLUMN attached, DROP COLUMN module_enabled');
  }
}
