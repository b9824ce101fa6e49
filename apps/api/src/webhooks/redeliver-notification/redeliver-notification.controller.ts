import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { RedeliveryAccepted } from '../deliveries/delivery.view';
import { RedeliverNotificationCommand } from './redeliver-notification.handler';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks/:wid/deliveries/:did/redelivery')
export class RedeliverNotificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a notification again now (same id), as a fresh round of retries' })
  @ApiAcceptedResponse({ type: RedeliveryAccepted })
  @ApiProblemResponses(401, 404)
  redeliver(@Param('id') daoId: string, @Param('wid') id: string, @Param('did') did: string): Promise<RedeliveryAccepted> {
    return this.commands.execute(new RedeliverNotificationCommand(daoId, id, did));
  }
}
