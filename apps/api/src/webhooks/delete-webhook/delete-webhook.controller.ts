import { Controller, Delete, HttpCode, Param, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { DeleteWebhookCommand } from './delete-webhook.handler';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class DeleteWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':wid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook, its queue and its delivery log' })
  @ApiNoContentResponse()
  @ApiProblemResponses(401, 404)
  delete(@Param('id') daoId: string, @Param('wid') id: string): Promise<void> {
    return this.commands.execute(new DeleteWebhookCommand(daoId, id));
  }
}
