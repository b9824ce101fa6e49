import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SharePoolConfigurationInput } from '@ayllu/domain';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { newId } from '../../shared/new-id';
import { CreateSharePoolCommand } from './create-share-pool.handler';
import { CreateSharePoolRequest, wei } from './create-share-pool.request.dto';
import { SharePoolCreatedView } from './share-pool-created.view';

/** JSON to the domain's input: amounts become bigint; everything else the domain validates as it is. */
const toConfiguration = (body: CreateSharePoolRequest): SharePoolConfigurationInput => {
  const { pricePerShare, crowdfunding, staking, accessConditions, ...rest } = body;
  return {
    ...rest,
    ...(pricePerShare === undefined ? {} : { pricePerShare: wei(pricePerShare) }),
    ...(crowdfunding === undefined ? {} : { crowdfunding: { ...crowdfunding, target: wei(crowdfunding.target) } }),
    ...(staking === undefined ? {} : { staking: { ...staking, ratePerTokenSecond: wei(staking.ratePerTokenSecond) } }),
    ...(accessConditions === undefined
      ? {}
      : { accessConditions: accessConditions.map((c) => (c.kind === 'minimumBalance' ? { ...c, amount: wei(c.amount) } : c)) }),
  };
};

@ApiTags('Share pools')
@Controller('v1/daos/:id/share-pools')
export class CreateSharePoolController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Create a share pool (10,000 shares)',
    description:
      "Admin of the DAO (or the platform). The DAO's Safe is the pool's creator (assignments and distributions are Safe " +
      "transactions), so the DAO's contracts must be deployed (409 SHARE_POOL.DAO_NOT_DEPLOYED before). 400 names each malformed " +
      'field; 422 SHARE_POOL.INVALID_CONFIGURATION names each field the configuration refuses. The worker deploys the contract next.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: CreateSharePoolRequest })
  @ApiCreatedResponse({ type: SharePoolCreatedView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503)
  create(
    @Param('id') id: string,
    @Body() body: CreateSharePoolRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<SharePoolCreatedView> {
    return this.commands.execute(
      new CreateSharePoolCommand(id, newId('share'), toConfiguration(body), request.actor!, String(request.id), idempotency),
    );
  }
}
