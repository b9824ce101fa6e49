import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Streams a log processor set aside because one of their events kept failing: the processor skips the
 * stream's later events (they stay in the log) until an admin asks to resume, and then replays them.
 * One row per processor and stream; `/health` reads this table.
 */
export class StreamQuarantine1764300000000 implements MigrationInterface {
  name = 'StreamQuarantine1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processor_quarantines (
        processor            TEXT        NOT NULL,
        stream_id            TEXT        NOT NULL,
        -- NULL for a stream that belongs to no DAO the catalogue can tell
        dao_id               TEXT,
        -- the event that failed: replay on resume starts at its version
        event_version        INT         NOT NULL,
        event_position       BIGINT      NOT NULL,
        event_type           TEXT        NOT NULL,
        reason               TEXT        NOT NULL,
        quarantined_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
        -- set by an admin; the processor replays the stream's skipped events on its next pass
        resume_requested_at  TIMESTAMPTZ,
        resume_requested_by  TEXT,
        PRIMARY KEY (processor, stream_id)
      )`);
    await q.query(`CREATE INDEX processor_quarantines_dao_idx ON processor_quarantines (dao_id) WHERE dao_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processor_quarantines`);
  }
}
