import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends no longer NOTIFY inside their own transaction: PostgreSQL serialises the commits of notifying
 * transactions (the notify queue lock is held through the commit's WAL flush), which cost concurrent
 * writers group commit. The store now sends one coalesced NOTIFY after its appends commit instead.
 */
export class NotifyFromApplication1763683400000 implements MigrationInterface {
  name = 'NotifyFromApplication1763683400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER events_appended ON events');
    await q.query('DROP FUNCTION notify_events_appended');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ayllu_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER events_appended AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
  }
}
