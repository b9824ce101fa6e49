import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { WebhookEndpoints } from '@ayllu/notifications';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { EVENT_STORE } from '../../shared/tokens';
import { requireDao } from '../../shared/dao-lookup';
import { requireWebhook } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, WebhookView } from '../webhook.view';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class ReadWebhooksController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
  ) {}

  @Get()
  @ApiOperation({ summary: "List the DAO's webhooks (without secrets)" })
  @ApiOkResponse({ type: [WebhookView] })
  @ApiProblemResponses(401, 404)
  async list(@Param('id') daoId: string): Promise<WebhookView[]> {
    await requireDao(this.store, daoId);
    return (await this.endpoints.list(daoId)).map(toWebhookView);
  }

  @Get(':wid')
  @ApiOperation({ summary: 'Read a webhook (without its secret)' })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblemResponses(401, 404)
  async get(@Param('id') daoId: string, @Param('wid') id: string): Promise<WebhookView> {
    return toWebhookView(await requireWebhook(this.endpoints, daoId, id));
  }
}
