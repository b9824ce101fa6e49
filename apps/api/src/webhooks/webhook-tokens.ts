/** Injection tokens of the webhooks feature. */
export const WEBHOOK_ENDPOINTS = Symbol('WEBHOOK_ENDPOINTS');
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
export const DELIVERY_LOG = Symbol('DELIVERY_LOG');
