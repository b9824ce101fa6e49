import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../shared/api-problems';
import { decodeCreatedCursor, encodeCursor } from '../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../shared/paging/link-header';
import { PageQuery, pageLimit } from '../../shared/paging/page-query';
import { PG_POOL } from '../../shared/tokens';
import { DAO_COLUMNS, daoViewFromRow, DaoView, type DaoRow } from '../dao.view';

export class ListDaosQuery extends PageQuery {}

export class DaoPage {
  @ApiProperty({ type: [DaoView] }) items!: DaoView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

const DAO_ID = /^dao_[0-9a-f]{28}$/;

/** Where a page ended: the last DAO's creation time (canonical UTC) and id; anything else is a 400 naming `cursor`. */
const decodeDaoCursor = (text: string): { createdAt: string; id: string } => decodeCreatedCursor(text, DAO_ID);

@ApiTags('DAOs')
@Controller('v1/daos')
export class ListDaosController {
  constructor(@Inject(PG_POOL) private readonly db: Pool) {}

  @Get()
  @ApiOperation({
    summary: 'List DAOs, newest first, a page at a time',
    description:
      'Ordered by creation time then id, newest first. `limit` and `cursor` page through them (the next page is also the ' +
      '`Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: DaoPage })
  @ApiProblemResponses(400)
  async list(
    @Query() query: ListDaosQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DaoPage> {
    const limit = pageLimit(query);
    const after = query.cursor === undefined ? null : decodeDaoCursor(query.cursor);
    const { rows } = await this.db.query<DaoRow>(
      `SELECT ${DAO_COLUMNS} FROM rm_daos
       WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::text)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    const page = pageOf(rows, limit, (last) => encodeCursor([last.created_at.toISOString(), last.id]));
    linkNextPage(request, reply, page.nextCursor);
    return { items: page.items.map(daoViewFromRow), nextCursor: page.nextCursor };
  }
}
