import { Module } from '@nestjs/common';
import type { PostgresEventStore } from '@ayllu/event-store';
import { DeliveryLog, loadNotificationConfig, WebhookEndpoints, type NotificationConfig } from '@ayllu/notifications';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../shared/tokens';
import { NotificationCatalogueController } from './catalogue/notification-catalogue.controller';
import { CreateWebhookController } from './create-webhook/create-webhook.controller';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { ReadWebhooksController } from './read-webhooks/read-webhooks.controller';
import { ReplayController } from './replay/replay.controller';
import { RotateWebhookSecretController } from './rotate-webhook-secret/rotate-webhook-secret.controller';
import { UpdateWebhookController } from './update-webhook/update-webhook.controller';
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
    ReplayController,
  ],
  providers: [
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
