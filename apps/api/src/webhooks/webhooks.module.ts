import { Module } from '@nestjs/common';
import type { PostgresEventStore } from '@ayllu/event-store';
import { DeliveryLog, loadNotificationConfig, WebhookEndpoints, type NotificationConfig } from '@ayllu/notifications';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../shared/tokens';
import { NotificationCatalogueController } from './catalogue/notification-catalogue.controller';
import { CreateWebhookController } from './create-webhook/create-webhook.controller';
import { CreateWebhookHandler } from './create-webhook/create-webhook.handler';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.controller';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { ReadWebhooksController } from './read-webhooks/read-webhooks.controller';
import { RedeliverNotificationController } from './redeliver-notification/redeliver-notification.controller';
import { RedeliverNotificationHandler } from './redeliver-notification/redeliver-notification.handler';
import { ReplayNotificationsController } from './replay-notifications/replay-notifications.controller';
import { ReplayNotificationsHandler } from './replay-notifications/replay-notifications.handler';
import { RotateWebhookSecretController } from './rotate-webhook-secret/rotate-webhook-secret.controller';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.handler';
import { UpdateWebhookController } from './update-webhook/update-webhook.controller';
import { UpdateWebhookHandler } from './update-webhook/update-webhook.handler';
import { DELIVERY_LOG, NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from './webhook-tokens';

/** Webhook subscriptions (admin), their delivery log, redelivery and replay, and the notification catalogue. */
@Module({
  controllers: [
    NotificationCatalogueController,
    CreateWebhookController,
    ReadWebhooksController,
    UpdateWebhookController,
    DeleteWebhookController,
    RotateWebhookSecretController,
    DeliveriesController,
    RedeliverNotificationController,
    ReplayNotificationsController,
  ],
  providers: [
    CreateWebhookHandler,
    UpdateWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    RedeliverNotificationHandler,
    ReplayNotificationsHandler,
    {
      provide: NOTIFICATION_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationConfig => loadNotificationConfig(process.env, config.env),
    },
    {
      provide: WEBHOOK_ENDPOINTS,
      inject: [PG_POOL, NOTIFICATION_CONFIG],
      useFactory: (pool: Pool, config: NotificationConfig) => new WebhookEndpoints(pool, config.secretsKey),
    },
    {
      provide: DELIVERY_LOG,
      inject: [PG_POOL, EVENT_STORE],
      useFactory: (pool: Pool, store: PostgresEventStore) => new DeliveryLog(pool, store),
    },
  ],
})
export class WebhooksModule {}
