import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook creation honours Idempotency-Key: a retried request finds the endpoint the first one made. */
export class WebhookIdempotency1764200000000 implements MigrationInterface {
  name = 'WebhookIdempotency1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoints ADD COLUMN idempotency_key TEXT, ADD COLUMN request_fingerprint TEXT`);
    await q.query(`ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_idempotency_key_key UNIQUE (idempotency_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoints DROP COLUMN idempotency_key, DROP COLUMN request_fingerprint`);
  }
}
