import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AsOfQuery } from '../../../governance-reads/shared/as-of.query';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { pageLimit, Paged } from '../../../shared/paging/page-query';
import { decodePoolCursor, encodePoolCursor } from '../pool-cursor';
import { RotatingPoolReader } from '../rotating-pool-reader';
import { poolSummaryOf } from '../rotating-pool-view-of';
import { RotatingPoolPage } from '../rotating-pool.view';

export class ListRotatingPoolsQuery extends Paged(AsOfQuery) {}

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools')
export class ListRotatingPoolsController {
  constructor(private readonly pools: RotatingPoolReader) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's rotating pools, oldest first, a page at a time",
    description:
      'Status, method, contract, round and next payout of each pool, from the read model, in creation order. `limit` and `cursor` ' +
      'page through them (the next page is also the `Link: rel="next"` header, absent on the last page); `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: RotatingPoolPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListRotatingPoolsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RotatingPoolPage> {
    const limit = pageLimit(query);
    const after = query.cursor === undefined ? null : decodePoolCursor(query.cursor);
    const page = pageOf(await this.pools.list(id, query.asOf, after, limit), limit, (last) => encodePoolCursor(last.createdPosition));
    linkNextPage(request, reply, page.nextCursor);
    return { items: page.items.map((p) => poolSummaryOf(p.history)), nextCursor: page.nextCursor };
  }
}
