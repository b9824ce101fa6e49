import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { WebhookWithSecretView } from '../webhook.view';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.handler';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class RotateWebhookSecretController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':wid/secret-rotation')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Returns the new secret, shown once. For 24 h deliveries carry two `v1,` signatures: one with the new secret, one with the previous.',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretView })
  @ApiProblemResponses(401, 404)
  rotate(@Param('id') daoId: string, @Param('wid') id: string): Promise<WebhookWithSecretView> {
    return this.commands.execute(new RotateWebhookSecretCommand(daoId, id));
  }
}
