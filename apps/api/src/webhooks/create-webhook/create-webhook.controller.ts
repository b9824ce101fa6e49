import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { NotificationConfig, WebhookEndpoints } from '@ayllu/notifications';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { EVENT_STORE } from '../../shared/tokens';
import { requireDao, requireDeliverableUrl } from '../webhook-guards';
import { NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, WebhookWithSecretView } from '../webhook.view';
import { CreateWebhookRequest } from './create-webhook.request.dto';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class CreateWebhookController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe a webhook to the DAO',
    description:
      'Admin only. The answer holds the signing secret: it is shown this once. `standard` deliveries follow the Standard Webhooks ' +
      'specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`); `discord` sends Discord webhook messages. ' +
      'URLs resolving to private, loopback, link-local or other internal addresses are refused (422) unless the deployment allows them.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the same endpoint and secret, and creates nothing',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretView })
  @ApiProblemResponses(400, 401, 404, 422)
  async create(
    @Param('id') daoId: string,
    @Body() body: CreateWebhookRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<WebhookWithSecretView> {
    await requireDao(this.store, daoId);
    await requireDeliverableUrl(body.url, this.config);
    const { endpoint, secret } = await this.endpoints.create(
      { daoId, url: body.url, events: body.events, format: body.format ?? 'standard', description: body.description ?? '' },
      new Date(),
      idempotency,
    );
    return { ...toWebhookView(endpoint), secret };
  }
}
