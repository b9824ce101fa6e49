import { Body, Controller, Inject, Param, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationConfig, WebhookEndpoints } from '@ayllu/notifications';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { requireDeliverableUrl, requireWebhook, webhookNotFound } from '../webhook-guards';
import { NOTIFICATION_CONFIG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, WebhookView } from '../webhook.view';
import { UpdateWebhookRequest } from './update-webhook.request.dto';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class UpdateWebhookController {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  @Patch(':wid')
  @ApiOperation({ summary: 'Pause, resume, or change the URL, filter or description of a webhook' })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblemResponses(400, 401, 404, 422)
  async update(@Param('id') daoId: string, @Param('wid') id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookView> {
    await requireWebhook(this.endpoints, daoId, id);
    if (body.url !== undefined) await requireDeliverableUrl(body.url, this.config);
    const updated = await this.endpoints.update(daoId, id, body, new Date());
    if (!updated) throw webhookNotFound(id);
    return toWebhookView(updated);
  }
}
