import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { problem, ProblemException } from '../../shared/problem';
import type { RedeliveryAccepted } from '../deliveries/delivery.view';
import { requireWebhook } from '../webhook-guards';
import { DELIVERY_LOG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class RedeliverNotificationCommand extends Command<RedeliveryAccepted> {
  constructor(
    readonly daoId: string,
    readonly webhookId: string,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** The same notification (same id) is queued again as a fresh round of retries. */
@CommandHandler(RedeliverNotificationCommand)
export class RedeliverNotificationHandler implements ICommandHandler<RedeliverNotificationCommand> {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(DELIVERY_LOG) private readonly deliveries: DeliveryLog,
  ) {}

  async execute({ daoId, webhookId, notificationId }: RedeliverNotificationCommand): Promise<RedeliveryAccepted> {
    await requireWebhook(this.endpoints, daoId, webhookId);
    // An id that cannot exist is as unknown as one that does not: it never reaches the database.
    if (!UUID.test(notificationId) || !(await this.deliveries.redeliver(webhookId, notificationId, new Date())))
      throw new ProblemException(problem(404, 'DELIVERY.NOT_FOUND', `No delivery ${notificationId} for this webhook`));
    return { id: notificationId, status: 'pending' };
  }
}
