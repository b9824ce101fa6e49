import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DeliveryKey, DeliveryLog, WebhookEndpoints } from '@ayllu/notifications';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { decodeCursor, encodeCursor } from '../../shared/paging/cursor';
import { linkNextPage } from '../../shared/paging/link-header';
import { PageQuery, pageLimit } from '../../shared/paging/page-query';
import { INT64_MAX } from '../../shared/validation/validators';
import { requireWebhook } from '../webhook-guards';
import { DELIVERY_LOG, WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { DeliveryPage } from './delivery.view';

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'], description: '`dead`: the dead-letter list' })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dead'])
  status?: 'pending' | 'delivered' | 'dead';
}

const POSITION = /^(0|[1-9]\d{0,18})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeDeliveryCursor = (key: DeliveryKey): string => encodeCursor([key.logPosition.toString(), key.id]);

/** The last delivery's log position (a bigint as a decimal string) and notification id; anything else is a 400 naming `cursor`. */
const decodeDeliveryCursor = (text: string): DeliveryKey =>
  decodeCursor(text, (key) => {
    if (key.length !== 2) return null;
    const [position, id] = key;
    return typeof position === 'string' &&
      POSITION.test(position) &&
      BigInt(position) <= INT64_MAX &&
      typeof id === 'string' &&
      UUID.test(id)
      ? { logPosition: BigInt(position), id }
      : null;
  });

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
    summary: 'Delivery log of a webhook, newest log position first, a page at a time',
    description:
      'Each notification with its attempts (status code, latency, error), status and next attempt. `status=dead` lists the dead letters. ' +
      'Ordered by log position (newest first) then notification id; `limit` and `cursor` page through them (the next page is also ' +
      'the `Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiProblemResponses(400, 401, 404)
  async list(
    @Param('id') daoId: string,
    @Param('wid') id: string,
    @Query() query: ListDeliveriesQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeliveryPage> {
    const after = query.cursor === undefined ? undefined : decodeDeliveryCursor(query.cursor);
    await requireWebhook(this.endpoints, daoId, id);
    const page = await this.deliveries.list(id, {
      limit: pageLimit(query),
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { after } : {}),
    });
    const nextCursor = page.next === null ? null : encodeDeliveryCursor(page.next);
    linkNextPage(request, reply, nextCursor);
    return { items: page.items.map((d) => ({ ...d, attempts: [...d.attempts] })), nextCursor };
  }
}
