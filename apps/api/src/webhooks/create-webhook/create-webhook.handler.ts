import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { NewWebhookEndpoint, NotificationConfig, WebhookEndpoints } from '@ayllu/notifications';
import type { IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { requireDao } from '../../shared/dao-lookup';
import { requireDeliverableUrl } from '../webhook-guards';
import { NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, type WebhookView, type WebhookWithSecretView } from '../webhook.view';

export class CreateWebhookCommand extends Command<WebhookWithSecretView | WebhookView> {
  constructor(
    readonly endpoint: NewWebhookEndpoint,
    readonly idempotency: IdempotencyScope | undefined,
  ) {
    super();
  }
}

/**
 * The DAO must exist and the URL must resolve to addresses webhooks may reach; the secret is shown this once. A
 * retry with the same Idempotency-Key answers as the first call did, with the same secret while it is still the
 * endpoint's, and without one after a rotation: the rotated-in secret was shown to whoever rotated it, never again.
 */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async execute({ endpoint, idempotency }: CreateWebhookCommand): Promise<WebhookWithSecretView | WebhookView> {
    await requireDao(this.store, endpoint.daoId);
    await requireDeliverableUrl(endpoint.url, this.config);
    const created = await this.endpoints.create(endpoint, new Date(), idempotency);
    const view = toWebhookView(created.endpoint);
    return created.secret === null ? view : { ...view, secret: created.secret };
  }
}
