import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { WebhookWithSecretView, type WebhookView } from '../webhook.view';
import { CreateWebhookCommand } from './create-webhook.handler';
import { CreateWebhookRequest } from './create-webhook.request.dto';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class CreateWebhookController {
  constructor(private readonly commands: CommandBus) {}

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
    description:
      'A retry with the same key returns the same endpoint and creates nothing. It shows the secret the first answer ' +
      'showed while that is still the endpoint’s secret; after a rotation it answers without `secret` (a retry never ' +
      'reveals a secret made after the request it repeats).',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretView })
  @ApiProblemResponses(400, 401, 404, 422)
  create(
    @Param('id') daoId: string,
    @Body() body: CreateWebhookRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<WebhookWithSecretView | WebhookView> {
    const endpoint = { daoId, url: body.url, events: body.events, format: body.format ?? 'standard', description: body.description ?? '' };
    return this.commands.execute(new CreateWebhookCommand(endpoint, idempotency));
  }
}
