import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. `transaction_id` (xid8) orders readers safely past late commits (see READ_ALL_SQL);
 * the statement trigger wakes subscribers once per appending transaction, delivered at commit.
 */
export class EventStore1763683200000 implements MigrationInterface {
  name = 'EventStore1763683200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position BIGSERIAL PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       TEXT        NOT NULL,
        version         INTEGER     NOT NULL CHECK (version > 0),
        event_id        UUID        NOT NULL,
        type            TEXT        NOT NULL,
        data            JSONB       NOT NULL,
        metadata        JSONB       NOT NULL,
        recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_id_version_key UNIQUE (stream_id, version),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    await q.query(`CREATE INDEX events_transaction_order_idx ON events (transaction_id, global_position)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        key         TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        response    JSONB,
        created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ayllu_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_appended AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name           TEXT PRIMARY KEY,
        transaction_id xid8        NOT NULL DEFAULT '0',
        position       BIGINT      NOT NULL DEFAULT 0,
        updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_checkpoints');
    await q.query('DROP TRIGGER events_appended ON events');
    await q.query('DROP FUNCTION notify_events_appended');
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE events');
  }
}
