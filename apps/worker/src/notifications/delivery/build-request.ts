import { decryptSecret, signStandardWebhook, toDiscordMessage, withLink } from '@ayllu/notifications';
import type { ClaimedNotification } from './claim-due';

export interface BuiltRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/**
 * The body and headers of one attempt. Both formats carry the Standard Webhooks headers (id, timestamp,
 * signatures) and the log position; a secret rotated less than 24 h ago signs beside the new one. Both carry
 * the link to the app page under `publicUrl` where the reader acts.
 */
export const buildRequest = (claimed: ClaimedNotification, now: Date, secretsKey: Buffer, publicUrl: string): BuiltRequest => {
  const { endpoint } = claimed;
  const envelope = withLink(claimed.envelope, publicUrl);
  const body = JSON.stringify(endpoint.format === 'discord' ? toDiscordMessage(envelope) : envelope);
  const secrets = [decryptSecret(endpoint.secretEncrypted, secretsKey)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now.getTime()) {
    secrets.push(decryptSecret(endpoint.previousSecretEncrypted, secretsKey));
  }
  const signed = signStandardWebhook(claimed.id, Math.floor(now.getTime() / 1000), body, secrets);
  return {
    body,
    headers: {
      ...signed,
      'content-type': 'application/json',
      'user-agent': 'Ayllu-Webhooks/1',
      'ayllu-log-position': envelope.logPosition,
      'ayllu-notification-type': envelope.type,
    },
  };
};
