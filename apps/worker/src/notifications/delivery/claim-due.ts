import type { Pool } from 'pg';
import type { StoredEnvelope } from '@ayllu/notifications';

export interface ClaimedNotification {
  readonly id: string;
  readonly endpointId: string;
  readonly daoId: string;
  /** 1-based attempt number in the current round, this attempt included. */
  readonly attempt: number;
  readonly claimToken: string;
  /** As the outbox stored it: the link is added when it is sent. */
  readonly envelope: StoredEnvelope;
  readonly endpoint: {
    readonly url: string;
    readonly format: 'standard' | 'discord';
    readonly secretEncrypted: string;
    readonly previousSecretEncrypted: string | null;
    readonly previousSecretExpiresAt: Date | null;
    readonly updatedAt: Date;
  };
}

interface ClaimedRow {
  readonly id: string;
  readonly endpoint_id: string;
  readonly dao_id: string;
  readonly attempt: number;
  /** The envelope the outbox stored as JSONB. */
  readonly payload: StoredEnvelope;
  readonly url: string;
  readonly format: 'standard' | 'discord';
  readonly secret_encrypted: string;
  readonly previous_secret_encrypted: string | null;
  readonly previous_secret_expires_at: Date | null;
  readonly updated_at: Date;
}

/**
 * Claims up to `limit` due notifications of active endpoints. `FOR UPDATE SKIP LOCKED` keeps two
 * workers off the same rows; the lease (next_attempt_at = claimed_until = now + lease) keeps them off
 * for the whole attempt after the claim commits. A worker that dies holding a claim loses it when the
 * lease ends, and the notification is then claimed again, once.
 */
export const claimDue = async (
  pool: Pool,
  now: Date,
  leaseMs: number,
  limit: number,
  claimToken: string,
): Promise<ClaimedNotification[]> => {
  const leaseEnd = new Date(now.getTime() + leaseMs);
  const { rows } = await pool.query<ClaimedRow>(
    `WITH due AS (
       SELECT n.id FROM notifications n
       JOIN webhook_endpoints e ON e.id = n.endpoint_id AND e.status = 'active'
       WHERE n.status = 'pending' AND n.next_attempt_at <= $1
       ORDER BY n.next_attempt_at, n.log_position
       LIMIT $2
       FOR UPDATE OF n SKIP LOCKED
     )
     UPDATE notifications n
        SET attempt = n.attempt + 1, next_attempt_at = $3, claimed_until = $3, claim_token = $4
       FROM due, webhook_endpoints e
      WHERE n.id = due.id AND e.id = n.endpoint_id
     RETURNING n.id, n.endpoint_id, n.dao_id, n.attempt, n.payload, e.url, e.format, e.secret_encrypted,
               e.previous_secret_encrypted, e.previous_secret_expires_at, e.updated_at`,
    [now, limit, leaseEnd, claimToken],
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    daoId: r.dao_id,
    attempt: r.attempt,
    claimToken,
    envelope: r.payload,
    endpoint: {
      url: r.url,
      format: r.format,
      secretEncrypted: r.secret_encrypted,
      previousSecretEncrypted: r.previous_secret_encrypted,
      previousSecretExpiresAt: r.previous_secret_expires_at,
      updatedAt: r.updated_at,
    },
  }));
};
