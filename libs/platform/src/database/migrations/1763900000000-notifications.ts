import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints (admin configuration, not event-sourced: a URL and a secret are not domain facts),
 * the notification outbox the worker fills from the log, and the log of every delivery attempt.
 */
export class Notifications1763900000000 implements MigrationInterface {
  name = 'Notifications1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id                       TEXT PRIMARY KEY,
        dao_id                   TEXT        NOT NULL,
        url                      TEXT        NOT NULL,
        -- NULL means every type ("*")
        event_types              TEXT[],
        format                   TEXT        NOT NULL CHECK (format IN ('standard', 'discord')),
        description              TEXT        NOT NULL DEFAULT '',
        status                   TEXT        NOT NULL CHECK (status IN ('active', 'paused', 'disabled')),
        disabled_reason          TEXT,
        -- AES-256-GCM ciphertexts: the plain secret is shown once and never stored
        secret_encrypted         TEXT        NOT NULL,
        previous_secret_encrypted TEXT,
        previous_secret_expires_at TIMESTAMPTZ,
        failing_since            TIMESTAMPTZ,
        created_at               TIMESTAMPTZ NOT NULL,
        updated_at               TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_dao_idx ON webhook_endpoints (dao_id, created_at)`);
    await q.query(`
      CREATE TABLE notifications (
        id               UUID PRIMARY KEY,
        endpoint_id      TEXT        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        dao_id           TEXT        NOT NULL,
        type             TEXT        NOT NULL,
        event_id         TEXT        NOT NULL,
        log_position     BIGINT      NOT NULL,
        occurred_at      TIMESTAMPTZ NOT NULL,
        payload          JSONB       NOT NULL,
        status           TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        -- attempts in the current round (a redelivery starts a new round); drives the retry schedule
        attempt          INTEGER     NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        claimed_until    TIMESTAMPTZ,
        claim_token      TEXT,
        last_status_code INTEGER,
        last_error       TEXT,
        delivered_at     TIMESTAMPTZ,
        created_at       TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notifications_endpoint_idx ON notifications (endpoint_id, log_position DESC)`);
    await q.query(`
      CREATE TABLE notification_attempts (
        id              BIGSERIAL PRIMARY KEY,
        notification_id UUID        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        attempt         INTEGER     NOT NULL,
        started_at      TIMESTAMPTZ NOT NULL,
        duration_ms     INTEGER     NOT NULL,
        status_code     INTEGER,
        error           TEXT,
        outcome         TEXT        NOT NULL
      )`);
    await q.query(`CREATE INDEX notification_attempts_notification_idx ON notification_attempts (notification_id, id)`);
    // Proposal streams do not name their DAO in every event: the outbox remembers it from ProposalSubmitted.
    await q.query(`
      CREATE TABLE notification_proposals (
        proposal_id TEXT PRIMARY KEY,
        dao_id      TEXT NOT NULL,
        type        TEXT NOT NULL,
        description TEXT NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_proposals');
    await q.query('DROP TABLE notification_attempts');
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE webhook_endpoints');
  }
}
