import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { IsIn, IsOptional } from 'class-validator';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { INT64_MAX, IsUintString } from '../../shared/validation/validators';
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
  @IsUintString({ min: 1n, max: 100n })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsUintString({ max: INT64_MAX })
  cursor?: string;
}

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
}
