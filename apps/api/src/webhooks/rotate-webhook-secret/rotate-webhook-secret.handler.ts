import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WebhookEndpoints } from '@ayllu/notifications';
import { requireWebhook, webhookNotFound } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, type WebhookWithSecretView } from '../webhook.view';

export class RotateWebhookSecretCommand extends Command<WebhookWithSecretView> {
  constructor(
    readonly daoId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}

/** The new secret is shown once; the previous one keeps signing alongside it for 24 h. */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(@Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints) {}

  async execute({ daoId, webhookId }: RotateWebhookSecretCommand): Promise<WebhookWithSecretView> {
    await requireWebhook(this.endpoints, daoId, webhookId);
    const rotated = await this.endpoints.rotateSecret(daoId, webhookId, new Date());
    if (!rotated) throw webhookNotFound(webhookId);
    return { ...toWebhookView(rotated.endpoint), secret: rotated.secret };
  }
}
