import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AsOfQuery } from '../../../governance-reads/shared/as-of.query';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { IsUintString } from '../../../shared/validation/validators';
import { decodePoolCursor, encodePoolCursor, POOL_CURSOR_MESSAGE, POOL_CURSOR_PATTERN } from '../pool-cursor';
import { RotatingPoolReader } from '../rotating-pool-reader';
import { poolSummaryOf } from '../rotating-pool-view-of';
import { RotatingPoolPage } from '../rotating-pool.view';

export const POOL_PAGE = { default: 50, max: 200 } as const;

export class ListRotatingPoolsQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: `1 to ${POOL_PAGE.max}, default ${POOL_PAGE.default}`, example: '50' })
  @IsOptional()
  @IsUintString({ min: 1n, max: BigInt(POOL_PAGE.max) })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(POOL_CURSOR_PATTERN, { message: POOL_CURSOR_MESSAGE })
  cursor?: string;
}

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools')
export class ListRotatingPoolsController {
  constructor(private readonly pools: RotatingPoolReader) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's rotating pools, oldest first, a page at a time",
    description:
      'Status, method, contract, round and next payout of each pool, from the read model. `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: RotatingPoolPage })
  @ApiProblemResponses(400, 404)
  async list(@Param('id') id: string, @Query() query: ListRotatingPoolsQuery): Promise<RotatingPoolPage> {
    const limit = Number(query.limit ?? POOL_PAGE.default);
    const after = query.cursor === undefined ? null : decodePoolCursor(query.cursor);
    const pools = await this.pools.list(id, query.asOf, after, limit);
    const items = pools.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((p) => poolSummaryOf(p.history)),
      nextCursor: pools.length > limit && last ? encodePoolCursor(last.createdPosition) : null,
    };
  }
}
