import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { NewWebhookEndpoint, NotificationConfig, WebhookEndpoints } from '@ayllu/notifications';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { requireDao } from '../../shared/dao-lookup';
import { requireDeliverableUrl } from '../webhook-guards';
import { NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, type WebhookWithSecretView } from '../webhook.view';

export class CreateWebhookCommand extends Command<WebhookWithSecretView> {
  constructor(
    readonly endpoint: NewWebhookEndpoint,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/** The DAO must exist and the URL must resolve to addresses webhooks may reach; the secret is shown this once. */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async execute({ endpoint, idempotency }: CreateWebhookCommand): Promise<WebhookWithSecretView> {
    await requireDao(this.store, endpoint.daoId);
    await requireDeliverableUrl(endpoint.url, this.config);
    const created = await this.endpoints.create(endpoint, new Date(), idempotency);
    return { ...toWebhookView(created.endpoint), secret: created.secret };
  }
}
