import { Controller, Delete, HttpCode, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookEndpoints } from '@ayllu/notifications';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { requireWebhook, webhookNotFound } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class DeleteWebhookController {
  constructor(@Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints) {}

  @Delete(':wid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook, its queue and its delivery log' })
  @ApiNoContentResponse()
  @ApiProblemResponses(401, 404)
  async delete(@Param('id') daoId: string, @Param('wid') id: string): Promise<void> {
    await requireWebhook(this.endpoints, daoId, id);
    if (!(await this.endpoints.delete(daoId, id))) throw webhookNotFound(id);
  }
}
