import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NotificationConfig, NotificationType, WebhookEndpoints } from '@ayllu/notifications';
import { requireDeliverableUrl, requireWebhook, webhookNotFound } from '../webhook-guards';
import { NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, type WebhookView } from '../webhook.view';

export interface WebhookChanges {
  readonly status?: 'active' | 'paused';
  readonly events?: readonly NotificationType[] | '*';
  readonly url?: string;
  readonly description?: string;
}

export class UpdateWebhookCommand extends Command<WebhookView> {
  constructor(
    readonly daoId: string,
    readonly webhookId: string,
    readonly changes: WebhookChanges,
  ) {
    super();
  }
}

@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand> {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async execute({ daoId, webhookId, changes }: UpdateWebhookCommand): Promise<WebhookView> {
    await requireWebhook(this.endpoints, daoId, webhookId);
    if (changes.url !== undefined) await requireDeliverableUrl(changes.url, this.config);
    const updated = await this.endpoints.update(daoId, webhookId, changes, new Date());
    if (!updated) throw webhookNotFound(webhookId);
    return toWebhookView(updated);
  }
}
