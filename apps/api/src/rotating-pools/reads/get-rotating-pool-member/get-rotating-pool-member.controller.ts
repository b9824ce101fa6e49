import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isHexAddress, toChecksumAddress } from '@ayllu/domain';
import { AsOfQuery } from '../../../governance-reads/shared/as-of.query';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { problem, ProblemException } from '../../../shared/problem';
import { invalidField } from '../../../shared/validation/invalid-field';
import { HEX_ADDRESS_MESSAGE } from '../../../shared/validation/validators';
import { RotatingPoolReader } from '../rotating-pool-reader';
import { poolMemberViewOf } from '../rotating-pool-member-view-of';
import { RotatingPoolMemberView } from '../rotating-pool.view';

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools')
export class GetRotatingPoolMemberController {
  constructor(private readonly pools: RotatingPoolReader) {}

  @Get(':poolId/members/:address')
  @ApiOperation({
    summary: "A member's view of a rotating pool",
    description:
      'Contribution history, the next due date and amount (with the late penalty if paid now), the projected payout date ' +
      '(null and `by: bid` in bidding pools), penalty status, collateral and held-back payout. `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'rosca_0193a1b2c3d4e5f6a7b8c9d0' })
  @ApiParam({ name: 'address', example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Any letter case' })
  @ApiOkResponse({ type: RotatingPoolMemberView })
  @ApiProblemResponses(400, 404)
  async get(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Param('address') address: string,
    @Query() query: AsOfQuery,
  ): Promise<RotatingPoolMemberView> {
    if (!isHexAddress(address)) throw invalidField('address', HEX_ADDRESS_MESSAGE);
    const member = toChecksumAddress(address);
    const { history, at } = await this.pools.get(id, poolId, query.asOf);
    const view = poolMemberViewOf(history, member, at);
    if (view === null) throw new ProblemException(problem(404, 'ROSCA.MEMBER_NOT_FOUND', `${member} is not a member of pool ${poolId}`));
    return view;
  }
}
