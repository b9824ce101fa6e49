import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain indexer's per-DAO progress. A row appears when a DAO's contracts are recorded; the
 * checkpoint (block, hash and recent hashes, as the indexer gives it) moves only after the facts up to it
 * are in the log. `last_fact_block` is the newest block a fact was appended from: a reorg that rewinds
 * below it would take back something the log already holds, so the DAO's indexing halts (`halted`) for an
 * operator instead of guessing.
 */
export class ChainIndex1764100000001 implements MigrationInterface {
  name = 'ChainIndex1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chain_index (
        dao_id           TEXT PRIMARY KEY,
        chain_id         INTEGER     NOT NULL,
        contracts        JSONB       NOT NULL,
        from_block       NUMERIC     NOT NULL,
        checkpoint       JSONB,
        last_fact_block  NUMERIC,
        halted           TEXT,
        last_error       TEXT,
        updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE chain_index');
  }
}
