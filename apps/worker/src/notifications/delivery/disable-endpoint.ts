import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { redactUrl } from '@ayllu/notifications';
import type { Pool } from 'pg';

export interface DisableRequest {
  readonly endpointId: string;
  readonly daoId: string;
  readonly url: string;
  readonly reason: 'gone' | 'failing';
  readonly now: Date;
  /** The endpoint's updated_at when it was read: makes the event's idempotency key stable across a crash. */
  readonly endpointVersion: Date;
}

/**
 * Disables an endpoint and tells the DAO's admins through the log: a `WebhookEndpointDisabled` event
 * that the outbox turns into `webhook.endpoint_disabled` for the DAO's other endpoints. The event is
 * appended first under an idempotency key, so a crash before the update repeats nothing on retry.
 */
export const disableEndpoint = async (pool: Pool, store: PostgresEventStore, request: DisableRequest): Promise<boolean> => {
  const disabledAt = request.now.toISOString();
  const key = `webhook-disabled:${request.endpointId}:${request.endpointVersion.toISOString()}`;
  await store.append(
    [
      {
        streamId: streams.webhook.of(request.endpointId).streamId,
        expectedVersion: 'any',
        events: [
          {
            type: 'WebhookEndpointDisabled',
            data: { daoId: request.daoId, endpointId: request.endpointId, url: redactUrl(request.url), reason: request.reason, disabledAt },
          },
        ],
      },
    ],
    {
      actor: 'system:notifications',
      correlationId: request.endpointId,
      occurredAt: disabledAt,
      idempotency: { key, fingerprint: key, response: null },
    },
  );
  const { rowCount } = await pool.query(
    `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $2, updated_at = $3
      WHERE id = $1 AND status <> 'disabled'`,
    [request.endpointId, request.reason, request.now],
  );
  return (rowCount ?? 0) > 0;
};
