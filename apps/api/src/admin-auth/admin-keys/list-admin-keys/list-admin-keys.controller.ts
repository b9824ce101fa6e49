import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { streams, type DaoAdminKey } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { PageQuery, pageLimit } from '../../../shared/paging/page-query';
import { EVENT_STORE } from '../../../shared/tokens';
import { adminKeyView, AdminKeyView } from '../admin-key.view';

export class ListAdminKeysQuery extends PageQuery {}

export class AdminKeyPage {
  @ApiProperty({ type: [AdminKeyView] }) items!: AdminKeyView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

interface KeyPlace {
  readonly createdAt: string;
  readonly keyId: string;
}

const CREATED_AT = /^[0-9T:.Z+-]{1,40}$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The last key's creation time and id, as this endpoint wrote them; anything else is a 400 naming `cursor`. */
const decodeKeyCursor = (text: string): KeyPlace =>
  decodeCursor(text, (key) => {
    if (key.length !== 2) return null;
    const [createdAt, keyId] = key;
    return typeof createdAt === 'string' && CREATED_AT.test(createdAt) && typeof keyId === 'string' && KEY_ID.test(keyId)
      ? { createdAt, keyId }
      : null;
  });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Creation order (ISO times compare as strings), then key id: unique, so a page boundary never skips or repeats a key. */
const byCreation = (a: KeyPlace, b: KeyPlace): number => compare(a.createdAt, b.createdAt) || compare(a.keyId, b.keyId);

@ApiTags('Admin access')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/admin-keys')
export class ListAdminKeysController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's admin keys, revoked and expired ones included, a page at a time",
    description:
      'Admins of this DAO and the platform admin. Never the keys themselves, nor their hashes. Oldest first (creation time, then id); ' +
      '`limit` and `cursor` page through them (the next page is also the `Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: AdminKeyPage })
  @ApiProblemResponses(400, 401, 403, 404)
  async list(
    @Param('id') daoId: string,
    @Query() query: ListAdminKeysQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdminKeyPage> {
    const after = query.cursor === undefined ? null : decodeKeyCursor(query.cursor);
    const limit = pageLimit(query);
    requireDaoId(daoId);
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    if (state.status !== 'Active') throw daoNotFound(daoId);
    const rest: DaoAdminKey[] = [...state.admins.keys.values()]
      .filter((key) => after === null || byCreation(key, after) > 0)
      .sort(byCreation)
      .slice(0, limit + 1);
    const page = pageOf(rest, limit, (last) => encodeCursor([last.createdAt, last.keyId]));
    linkNextPage(request, reply, page.nextCursor);
    const now = new Date().toISOString();
    return { items: page.items.map((key) => adminKeyView(daoId, key, now)), nextCursor: page.nextCursor };
  }
}
