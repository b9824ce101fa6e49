import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { RotatingPoolConfigurationInput } from '@ayllu/domain';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { newId } from '../../shared/new-id';
import { CreateRotatingPoolCommand } from './create-pool.handler';
import { CreateRotatingPoolRequest } from './create-pool.request.dto';
import { RotatingPoolCreatedView } from './rotating-pool-created.view';

/** JSON to the domain's input: the amount becomes bigint; everything else the domain validates as it is. */
const toConfiguration = ({ contributionAmount, ...rest }: CreateRotatingPoolRequest): RotatingPoolConfigurationInput => ({
  ...rest,
  contributionAmount: BigInt(contributionAmount),
});

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools')
export class CreateRotatingPoolController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Create a rotating pool (ROSCA)',
    description:
      "Admin of the DAO (or the platform). The DAO's Safe organises the pool (start, pause, resume through Safe transactions), " +
      "so the DAO's contracts must be deployed (409 ROSCA.DAO_NOT_DEPLOYED before). Unset fields take the documented defaults. " +
      'The worker deploys the pool contract next; members join with signed requests once it is deployed.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: CreateRotatingPoolRequest })
  @ApiCreatedResponse({ type: RotatingPoolCreatedView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503)
  create(
    @Param('id') id: string,
    @Body() body: CreateRotatingPoolRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<RotatingPoolCreatedView> {
    return this.commands.execute(
      new CreateRotatingPoolCommand(id, newId('rosca'), toConfiguration(body), request.actor!, String(request.id), idempotency),
    );
  }
}
