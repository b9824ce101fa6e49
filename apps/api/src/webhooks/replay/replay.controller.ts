import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { IsString, Matches } from 'class-validator';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { problem, ProblemException } from '../../shared/problem';
import { requireWebhook } from '../webhook-guards';
import { DELIVERY_LOG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';

export class ReplayRequest {
  @ApiProperty({ example: '1042', description: 'Log position to replay from (inclusive), as a decimal string' })
  @IsString()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'must be a positive log position written as a decimal string' })
  since!: string;
}

export class ReplayAccepted {
  @ApiProperty({ example: 12, description: 'Notifications queued again (same ids as before)' }) queued!: number;
  @ApiProperty({ example: 340 }) eventsRead!: number;
  @ApiProperty({ description: 'False when the replay stopped at its size limit: replay again from the last position' }) complete!: boolean;
}

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks/:wid/replay')
export class ReplayController {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(DELIVERY_LOG) private readonly deliveries: DeliveryLog,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay every notification since a log position',
    description: "Re-derives from the event log what the webhook's filter selects and queues it again with the usual ids.",
  })
  @ApiAcceptedResponse({ type: ReplayAccepted })
  @ApiProblemResponses(400, 401, 404)
  async replay(@Param('id') daoId: string, @Param('wid') id: string, @Body() body: ReplayRequest): Promise<ReplayAccepted> {
    await requireWebhook(this.endpoints, daoId, id);
    const result = await this.deliveries.replaySince(id, BigInt(body.since), new Date());
    if (!result) throw new ProblemException(problem(404, 'LOG.POSITION_NOT_FOUND', `No event at log position ${body.since}`));
    return result;
  }
}
