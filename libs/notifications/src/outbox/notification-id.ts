import { createHash } from 'node:crypto';

/** Ayllu's UUID v5 namespace for notifications (a fixed random UUID). */
const NAMESPACE = Buffer.from('5d0f3f3c8a2b4e61a9b7c4d2e1f06a38', 'hex');

/**
 * The id of the notification an event makes for an endpoint: UUID v5 of (endpoint id, event id), so the
 * outbox can be re-run, replayed or raced by two workers and still make one row with one id.
 */
export const notificationId = (endpointId: string, eventId: string): string => {
  const hash = createHash('sha1').update(NAMESPACE).update(`${endpointId}:${eventId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The outbox id of one mapped notification for an endpoint. An event's first notification for a DAO keeps
 * the plain id (so ids written before an event could make two stay the same); a second one, which carries a
 * `discriminator`, gets the id of (endpoint, event, discriminator).
 */
export const outboxId = (endpointId: string, eventId: string, notification: { readonly discriminator?: string }): string =>
  notificationId(endpointId, notification.discriminator === undefined ? eventId : `${eventId}#${notification.discriminator}`);
