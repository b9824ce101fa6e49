import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { WebhookEndpointKey, WebhookEndpoints } from '@ayllu/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { decodeCreatedCursor, encodeCursor } from '../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../shared/paging/link-header';
import { PageQuery, pageLimit } from '../../shared/paging/page-query';
import { EVENT_STORE } from '../../shared/tokens';
import { requireDao } from '../../shared/dao-lookup';
import { requireWebhook } from '../webhook-guards';
import { WEBHOOK_ENDPOINTS } from '../webhook-tokens';
import { toWebhookView, WebhookPage, WebhookView } from '../webhook.view';

export class ListWebhooksQuery extends PageQuery {}

const WEBHOOK_ID = /^wh_[0-9a-f]{28}$/;

/** The last endpoint's creation time (canonical UTC) and id; anything else is a 400 naming `cursor`. */
const decodeWebhookCursor = (text: string): WebhookEndpointKey => decodeCreatedCursor(text, WEBHOOK_ID);

@ApiTags('Webhooks')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/webhooks')
export class ReadWebhooksController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpoints,
  ) {}

  @Get()
  @ApiOperation({
    summary: "List the DAO's webhooks (without secrets), a page at a time",
    description:
      'Oldest first (creation time, then id). `limit` and `cursor` page through them (the next page is also the ' +
      '`Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: WebhookPage })
  @ApiProblemResponses(400, 401, 404)
  async list(
    @Param('id') daoId: string,
    @Query() query: ListWebhooksQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookPage> {
    const after = query.cursor === undefined ? null : decodeWebhookCursor(query.cursor);
    const limit = pageLimit(query);
    await requireDao(this.store, daoId);
    const page = pageOf(await this.endpoints.list(daoId, { after, limit }), limit, (last) =>
      encodeCursor([last.createdAt.toISOString(), last.id]),
    );
    linkNextPage(request, reply, page.nextCursor);
    return { items: page.items.map(toWebhookView), nextCursor: page.nextCursor };
  }

  @Get(':wid')
  @ApiOperation({ summary: 'Read a webhook (without its secret)' })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblemResponses(401, 404)
  async get(@Param('id') daoId: string, @Param('wid') id: string): Promise<WebhookView> {
    return toWebhookView(await requireWebhook(this.endpoints, daoId, id));
  }
}
