import { Body, Controller, Param, Patch, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { WebhookView } from '../webhook.view';
import { UpdateWebhookCommand } from './update-webhook.handler';
import { UpdateWebhookRequest } from './update-webhook.request.dto';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class UpdateWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':wid')
  @ApiOperation({ summary: 'Pause, resume, or change the URL, filter or description of a webhook' })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblemResponses(400, 401, 404, 422)
  update(@Param('id') daoId: string, @Param('wid') id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookView> {
    return this.commands.execute(new UpdateWebhookCommand(daoId, id, body));
  }
}
