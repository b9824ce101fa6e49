import { Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { problem, ProblemException } from '../../shared/problem';
import { requireWebhook } from '../webhook-guards';
import { DELIVERY_LOG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { DeliveryPage } from './delivery.view';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'], description: '`dead`: the dead-letter list' })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead'])
  status?: 'pending' | 'delivered' | 'dead';

  @ApiPropertyOptional({ description: '1 to 100, default 50' })
  @IsOptional()
  @Matches(/^([1-9]\d?|100)$/, { message: 'must be an integer from 1 to 100' })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'must be a cursor returned by this endpoint' })
  cursor?: string;
}

export class RedeliveryAccepted {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending'] }) status!: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks/:wid/deliveries')
export class DeliveriesController {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
    @Inject(DELIVERY_LOG) private readonly deliveries: DeliveryLog,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Delivery log of a webhook, newest log position first',
    description:
      'Each notification with its attempts (status code, latency, error), status and next attempt. `status=dead` lists the dead letters.',
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiProblemResponses(400, 401, 404)
  async list(@Param('id') daoId: string, @Param('wid') id: string, @Query() query: ListDeliveriesQuery): Promise<DeliveryPage> {
    await requireWebhook(this.endpoints, daoId, id);
    const page = await this.deliveries.list(id, {
      limit: Number(query.limit ?? 50),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { beforePosition: BigInt(query.cursor) } : {}),
    });
    return { items: page.items.map((d) => ({ ...d, attempts: [...d.attempts] })), nextCursor: page.nextCursor };
  }

  @Post(':did/redelivery')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a notification again now (same id), as a fresh round of retries' })
  @ApiAcceptedResponse({ type: RedeliveryAccepted })
  @ApiProblemResponses(401, 404)
  async redeliver(@Param('id') daoId: string, @Param('wid') id: string, @Param('did') did: string): Promise<RedeliveryAccepted> {
    await requireWebhook(this.endpoints, daoId, id);
    if (!UUID.test(did) || !(await this.deliveries.redeliver(id, did, new Date()))) {
      throw new ProblemException(problem(404, 'DELIVERY.NOT_FOUND', `No delivery ${did} for this webhook`));
    }
    return { id: did, status: 'pending' };
  }
}
