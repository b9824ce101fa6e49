import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { NotificationType } from '../catalogue/notification-types';
import { IdempotencyKeyReusedError } from '@ayllu/event-store';
import { decryptSecret, encryptSecret, generateWebhookSecret } from '../secrets/webhook-secret';

export type WebhookFormat = 'standard' | 'discord';
export type WebhookStatus = 'active' | 'paused' | 'disabled';

export interface WebhookEndpoint {
  readonly id: string;
  readonly daoId: string;
  readonly url: string;
  /** '*' for every type. */
  readonly events: readonly NotificationType[] | '*';
  readonly format: WebhookFormat;
  readonly description: string;
  readonly status: WebhookStatus;
  readonly disabledReason: string | null;
  readonly previousSecretExpiresAt: Date | null;
  readonly failingSince: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An endpoint's place in the DAO's list: its creation time (canonical UTC) and id. */
export interface WebhookEndpointKey {
  readonly createdAt: string;
  readonly id: string;
}

export interface NewWebhookEndpoint {
  readonly daoId: string;
  readonly url: string;
  readonly events: readonly NotificationType[] | '*';
  readonly format: WebhookFormat;
  readonly description: string;
}

/** How long a rotated-out secret keeps signing beside the new one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;

const COLUMNS = `id, dao_id, url, event_types, format, description, status, disabled_reason, previous_secret_expires_at, failing_since, created_at, updated_at`;

/** A row of COLUMNS; the CHECK constraints of webhook_endpoints hold format and status to these values. */
interface EndpointRow {
  readonly id: string;
  readonly dao_id: string;
  readonly url: string;
  readonly event_types: NotificationType[] | null;
  readonly format: WebhookFormat;
  readonly description: string;
  readonly status: WebhookStatus;
  readonly disabled_reason: string | null;
  readonly previous_secret_expires_at: Date | null;
  readonly failing_since: Date | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  daoId: r.dao_id,
  url: r.url,
  events: r.event_types === null ? '*' : r.event_types,
  format: r.format,
  description: r.description,
  status: r.status,
  disabledReason: r.disabled_reason,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  failingSince: r.failing_since,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Time-ordered, unguessable endpoint ids, like DAO ids: `wh_` + 12 hex of ms + 16 random hex. */
const newEndpointId = (now: Date) => `wh_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;

/**
 * Webhook endpoints as stored configuration. Secrets go in encrypted and come out only once, as the
 * return value of `create` and `rotateSecret`; no read returns them.
 */
export class WebhookEndpoints {
  constructor(
    private readonly db: Pool,
    private readonly secretsKey: Buffer,
  ) {}

  /**
   * Creates an endpoint. With an idempotency key, a retried request gets the endpoint the first one made,
   * with the secret the first answer showed (kept encrypted like every secret, never in the idempotency
   * records) while it is still the endpoint's secret; once the secret was rotated, without any (`secret: null`):
   * a retry must never reveal a secret made after the request it repeats. A key reused for another request is
   * refused.
   */
  async create(input: NewWebhookEndpoint, now: Date): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  async create(
    input: NewWebhookEndpoint,
    now: Date,
    idempotency?: { readonly key: string; readonly fingerprint: string },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string | null }>;
  async create(
    input: NewWebhookEndpoint,
    now: Date,
    idempotency?: { readonly key: string; readonly fingerprint: string },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string | null }> {
    const secret = generateWebhookSecret();
    const { rows } = await this.db.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, dao_id, url, event_types, format, description, status, secret_encrypted, created_at, updated_at,
                                      idempotency_key, request_fingerprint)
       VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8, $9, $10)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        newEndpointId(now),
        input.daoId,
        input.url,
        input.events === '*' ? null : input.events,
        input.format,
        input.description,
        encryptSecret(secret, this.secretsKey),
        now,
        idempotency?.key ?? null,
        idempotency?.fingerprint ?? null,
      ],
    );
    if (rows[0]) return { endpoint: toEndpoint(rows[0]), secret };
    const first = await this.db.query<EndpointRow & { secret_encrypted: string; request_fingerprint: string | null }>(
      `SELECT ${COLUMNS}, secret_encrypted, request_fingerprint FROM webhook_endpoints WHERE idempotency_key = $1`,
      [idempotency!.key],
    );
    const row = first.rows[0];
    if (!row || row.request_fingerprint !== idempotency!.fingerprint) throw new IdempotencyKeyReusedError();
    // Only a rotation sets previous_secret_expires_at: while it is unset, the secret is the one first shown.
    const rotated = row.previous_secret_expires_at !== null;
    return { endpoint: toEndpoint(row), secret: rotated ? null : decryptSecret(row.secret_encrypted, this.secretsKey) };
  }

  async get(daoId: string, id: string): Promise<WebhookEndpoint | null> {
    const { rows } = await this.db.query<EndpointRow>(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE dao_id = $1 AND id = $2`, [
      daoId,
      id,
    ]);
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /**
   * The DAO's endpoints in creation order (then id), after `after` (where the previous page ended), at most
   * `limit` + 1 of them so the caller can tell a next page follows. `after` is checked by the caller; its parts go
   * to SQL as parameters.
   */
  async list(daoId: string, page: { readonly after: WebhookEndpointKey | null; readonly limit: number }): Promise<WebhookEndpoint[]> {
    const { after, limit } = page;
    const { rows } = await this.db.query<EndpointRow>(
      `SELECT ${COLUMNS} FROM webhook_endpoints
        WHERE dao_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::text))
        ORDER BY created_at, id LIMIT $4`,
      [daoId, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    return rows.map(toEndpoint);
  }

  /** Pause, resume (also re-enables a disabled endpoint and forgets its failures), or change URL, filter, description. */
  async update(
    daoId: string,
    id: string,
    changes: { url?: string; events?: readonly NotificationType[] | '*'; description?: string; status?: 'active' | 'paused' },
    now: Date,
  ): Promise<WebhookEndpoint | null> {
    const { rows } = await this.db.query<EndpointRow>(
      `UPDATE webhook_endpoints SET
         url = COALESCE($3, url),
         event_types = CASE WHEN $4::boolean THEN $5::text[] ELSE event_types END,
         description = COALESCE($6, description),
         status = COALESCE($7, status),
         disabled_reason = CASE WHEN $7 IS NULL THEN disabled_reason ELSE NULL END,
         failing_since = CASE WHEN $7 = 'active' AND status = 'disabled' THEN NULL ELSE failing_since END,
         updated_at = $8
       WHERE dao_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [
        daoId,
        id,
        changes.url ?? null,
        changes.events !== undefined,
        changes.events === undefined || changes.events === '*' ? null : changes.events,
        changes.description ?? null,
        changes.status ?? null,
        now,
      ],
    );
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  async delete(daoId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM webhook_endpoints WHERE dao_id = $1 AND id = $2', [daoId, id]);
    return (rowCount ?? 0) > 0;
  }

  /** A new secret; the current one keeps signing beside it for 24 h, so receivers can switch without a gap. */
  async rotateSecret(daoId: string, id: string, now: Date): Promise<{ endpoint: WebhookEndpoint; secret: string } | null> {
    const secret = generateWebhookSecret();
    const { rows } = await this.db.query<EndpointRow>(
      `UPDATE webhook_endpoints SET
         previous_secret_encrypted = secret_encrypted,
         previous_secret_expires_at = $3,
         secret_encrypted = $4,
         updated_at = $5
       WHERE dao_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [daoId, id, new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS), encryptSecret(secret, this.secretsKey), now],
    );
    return rows[0] ? { endpoint: toEndpoint(rows[0]), secret } : null;
  }
}
