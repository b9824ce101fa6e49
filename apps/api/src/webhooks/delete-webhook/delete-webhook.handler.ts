import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WebhookEndpoints } from '@ayllu/notifications';
import { requireWebhook, webhookNotFound } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';

export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly daoId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}

/** The endpoint goes with its queue and its delivery log. */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(@Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints) {}

  async execute({ daoId, webhookId }: DeleteWebhookCommand): Promise<void> {
    await requireWebhook(this.endpoints, daoId, webhookId);
    if (!(await this.endpoints.delete(daoId, webhookId))) throw webhookNotFound(webhookId);
  }
}
