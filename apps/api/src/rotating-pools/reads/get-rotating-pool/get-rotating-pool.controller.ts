import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AsOfQuery } from '../../../governance-reads/shared/as-of.query';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { RotatingPoolReader } from '../rotating-pool-reader';
import { poolViewOf } from '../rotating-pool-view-of';
import { RotatingPoolView } from '../rotating-pool.view';

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools')
export class GetRotatingPoolController {
  constructor(private readonly pools: RotatingPoolReader) {}

  @Get(':poolId')
  @ApiOperation({
    summary: 'Read a rotating pool: configuration, members, schedule and the transparency dashboard',
    description:
      'Every round (due date, recipient or open/refund, state, settled amounts, settlement transaction), every contribution, ' +
      'chain effects pending and confirmed, lottery draw inputs and consensus votes. `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'rosca_0193a1b2c3d4e5f6a7b8c9d0' })
  @ApiOkResponse({ type: RotatingPoolView })
  @ApiProblemResponses(400, 404)
  async get(@Param('id') id: string, @Param('poolId') poolId: string, @Query() query: AsOfQuery): Promise<RotatingPoolView> {
    const { history } = await this.pools.get(id, poolId, query.asOf);
    return poolViewOf(history);
  }
}
