import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getAddress } from 'viem';
import { ApiProblemResponses } from '../../shared/api-problems';
import { MemberRouteParams } from '../../shared/member-route.params';
import { ClaimView } from '../payouts.view';
import { ClaimPayoutCommand } from './claim-payout.handler';

@ApiTags('Payouts')
@Controller('v1/daos/:id/members/:address/claim')
export class ClaimPayoutController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move what a member who has not connected to the pool has accrued into their balance (the relayer calls claimAll)',
    description:
      'Anyone may ask: the tokens can only go to the member. Refused when there is nothing to claim (connected members receive live), ' +
      'so the relayer never pays gas for nothing.',
  })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404, 409, 503)
  claim(@Param() params: MemberRouteParams): Promise<ClaimView> {
    return this.commands.execute(new ClaimPayoutCommand(params.id, getAddress(params.address)));
  }
}
