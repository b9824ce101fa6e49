import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { isChecksumAddress, streams } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { PageQuery, pageLimit } from '../../../shared/paging/page-query';
import { EVENT_STORE } from '../../../shared/tokens';

export class ListAdminWalletsQuery extends PageQuery {}

export class AdminWalletPage {
  @ApiProperty({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    description: 'Checksummed, in address order; each may sign in with Ethereum as an admin of this DAO',
  })
  items!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

/** The last wallet of the page, checksummed; anything else is a 400 naming `cursor`. */
const decodeWalletCursor = (text: string): string =>
  decodeCursor(text, (key) => (key.length === 1 && isChecksumAddress(key[0]) ? key[0] : null));

/** Address order: the addresses lowercased, compared as strings (unique per wallet). */
const byAddress = (a: string, b: string): number => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

@ApiTags('Admin access')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@Controller('v1/daos/:id/admin-wallets')
export class ListAdminWalletsController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's admin wallets, a page at a time",
    description:
      'Admins of this DAO and the platform admin, in address order. `limit` and `cursor` page through them (the next page is ' +
      'also the `Link: rel="next"` header, absent on the last page).',
  })
  @ApiOkResponse({ type: AdminWalletPage })
  @ApiProblemResponses(400, 401, 403, 404)
  async list(
    @Param('id') daoId: string,
    @Query() query: ListAdminWalletsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdminWalletPage> {
    const after = query.cursor === undefined ? null : decodeWalletCursor(query.cursor);
    const limit = pageLimit(query);
    requireDaoId(daoId);
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    if (state.status !== 'Active') throw daoNotFound(daoId);
    const rest = [...state.admins.wallets]
      .filter((wallet) => after === null || byAddress(wallet, after) > 0)
      .sort(byAddress)
      .slice(0, limit + 1);
    const page = pageOf(rest, limit, (last) => encodeCursor([last]));
    linkNextPage(request, reply, page.nextCursor);
    return { items: page.items, nextCursor: page.nextCursor };
  }
}
