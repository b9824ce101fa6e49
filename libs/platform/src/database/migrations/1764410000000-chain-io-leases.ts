import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leases instead of row locks for work that waits on the chain. A worker claims a keyed chain call, a DAO's
 * deployment or a DAO's indexer cursor by writing itself as `lease_owner` until `leased_until` in a short
 * transaction of its own, commits, and only then talks to the chain: no transaction stays open across chain
 * I/O (an open transaction would hold back every commit-safe reader of the global log). A worker that dies
 * leaves a lease that runs out, and another worker takes it.
 *
 * `rm_dao_deployments` is the read model of a DAO's contracts deployment: pending until the worker records
 * the contracts, or failed with the chain's reason when the deployment was refused for good.
 */
export class ChainIoLeases1764410000000 implements MigrationInterface {
  name = 'ChainIoLeases1764410000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['chain_calls', 'chain_index']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN lease_owner TEXT, ADD COLUMN leased_until TIMESTAMPTZ`);
    }
    await q.query(`
      CREATE TABLE rm_dao_deployments (
        dao_id      TEXT PRIMARY KEY,
        status      TEXT        NOT NULL CHECK (status IN ('deployed', 'failed')),
        safe        TEXT,
        reason      TEXT,
        updated_at  TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_dao_deployments');
    for (const table of ['chain_calls', 'chain_index']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN lease_owner, DROP COLUMN leased_until`);
    }
  }
}
