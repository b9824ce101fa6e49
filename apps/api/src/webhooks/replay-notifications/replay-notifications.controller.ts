import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { ReplayAccepted } from '../deliveries/delivery.view';
import { ReplayNotificationsCommand } from './replay-notifications.handler';
import { ReplayRequest } from './replay-notifications.request.dto';

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks/:wid/replay')
export class ReplayNotificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay every notification since a log position',
    description: "Re-derives from the event log what the webhook's filter selects and queues it again with the usual ids.",
  })
  @ApiAcceptedResponse({ type: ReplayAccepted })
  @ApiProblemResponses(400, 401, 404)
  replay(@Param('id') daoId: string, @Param('wid') id: string, @Body() body: ReplayRequest): Promise<ReplayAccepted> {
    return this.commands.execute(new ReplayNotificationsCommand(daoId, id, BigInt(body.since)));
  }
}
