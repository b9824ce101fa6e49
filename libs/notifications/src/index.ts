export { NOTIFICATION_TYPES } from './catalogue/notification-types';
export type {
  NotificationData,
  NotificationEnvelope,
  NotificationType,
  StreamData,
  StreamMemberRate,
  TallyData,
} from './catalogue/notification-types';
export { NOTIFICATION_EXAMPLES } from './catalogue/notification-examples';
export { daoIdOf, mapEvent } from './catalogue/map-event';
export type { MappedNotification, ProposalInfo } from './catalogue/map-event';
export { ratePerMonth, toTokenUnits } from './catalogue/token-amount';
export { DISCORD_LIMITS, embedCharacters, fitDiscordLimits } from './format/discord-limits';
export { toDiscordMessage } from './format/discord-message';
export { shortAmount, shortHex, shortNumber } from './format/shorten';
export { loadNotificationConfig } from './notification-config';
export type { NotificationConfig } from './notification-config';
export { enqueueNotifications } from './outbox/enqueue-notifications';
export type { EnqueueOptions } from './outbox/enqueue-notifications';
export { notificationId } from './outbox/notification-id';
export { decryptSecret, encryptSecret, generateWebhookSecret, secretKeyBytes } from './secrets/webhook-secret';
export { classifyAddress, embeddedIpv4, NETWORK_CLASSES } from './security/address-class';
export type { NetworkClass } from './security/address-class';
export { redactUrl } from './security/redact-url';
export { assertDeliverableUrl, guardedLookup, parseWebhookUrl, resolveAll, WebhookUrlRefused } from './security/url-guard';
export type { ResolveAll } from './security/url-guard';
export { signStandardWebhook } from './signing/standard-webhook-signature';
export type { SignedHeaders } from './signing/standard-webhook-signature';
export { PREVIOUS_SECRET_GRACE_MS, WebhookEndpoints } from './endpoints/webhook-endpoints';
export type { NewWebhookEndpoint, WebhookEndpoint, WebhookFormat, WebhookStatus } from './endpoints/webhook-endpoints';
export { DeliveryLog, REPLAY_MAX_EVENTS } from './deliveries/delivery-log';
export type { Delivery, DeliveryAttempt, DeliveryQuery, DeliveryStatus } from './deliveries/delivery-log';
