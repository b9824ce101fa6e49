import { createHmac } from 'node:crypto';
import { secretKeyBytes } from '../secrets/webhook-secret';

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Standard Webhooks v1 signature headers: HMAC-SHA256 over `id.timestamp.body`, one `v1,<base64>`
 * per secret, space-separated, so a receiver still holding the pre-rotation secret verifies too.
 */
export const signStandardWebhook = (id: string, timestampSeconds: number, body: string, secrets: readonly string[]): SignedHeaders => {
  const content = `${id}.${timestampSeconds}.${body}`;
  const signatures = secrets.map((secret) => `v1,${createHmac('sha256', secretKeyBytes(secret)).update(content).digest('base64')}`);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signatures.join(' ') };
};
