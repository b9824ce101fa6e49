import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { problem, ProblemException } from '../../shared/problem';
import type { ReplayAccepted } from '../deliveries/delivery.view';
import { requireWebhook } from '../webhook-guards';
import { DELIVERY_LOG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';

export class ReplayNotificationsCommand extends Command<ReplayAccepted> {
  constructor(
    readonly daoId: string,
    readonly webhookId: string,
    /** A public log position, inclusive. */
    readonly since: bigint,
  ) {
    super();
  }
}

/** Re-derives from the log what the webhook's filter selects since `since` and queues it again, same ids. */
@CommandHandler(ReplayNotificationsCommand)
export class ReplayNotificationsHandler implements ICommandHandler<ReplayNotificationsCommand> {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(DELIVERY_LOG) private readonly deliveries: DeliveryLog,
  ) {}

  async execute({ daoId, webhookId, since }: ReplayNotificationsCommand): Promise<ReplayAccepted> {
    await requireWebhook(this.endpoints, daoId, webhookId);
    const result = await this.deliveries.replaySince(webhookId, since, new Date());
    if (!result) throw new ProblemException(problem(404, 'LOG.POSITION_NOT_FOUND', `No event at log position ${since}`));
    return result;
  }
}
