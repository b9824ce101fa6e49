import { Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookEndpoints } from '@ayllu/notifications';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { requireWebhook, webhookNotFound } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, WebhookWithSecretView } from '../webhook.view';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class RotateWebhookSecretController {
  constructor(@Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints) {}

  @Post(':wid/secret-rotation')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Returns the new secret, shown once. For 24 h deliveries carry two `v1,` signatures: one with the new secret, one with the previous.',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretView })
  @ApiProblemResponses(401, 404)
  async rotate(@Param('id') daoId: string, @Param('wid') id: string): Promise<WebhookWithSecretView> {
    await requireWebhook(this.endpoints, daoId, id);
    const rotated = await this.endpoints.rotateSecret(daoId, id, new Date());
    if (!rotated) throw webhookNotFound(id);
    return { ...toWebhookView(rotated.endpoint), secret: rotated.secret };
  }
}
