import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DaoConfigurationInput } from '@ayllu/domain';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { newId } from '../../shared/new-id';
import { DaoView } from '../dao.view';
import { CreateDaoCommand } from './create-dao.handler';
import { CreateDaoRequest } from './create-dao.request.dto';

/** JSON to the domain's input: the amount becomes bigint; everything else the domain validates as it is. */
const toConfiguration = ({ minimumDeposit, ...rest }: CreateDaoRequest): DaoConfigurationInput => ({
  ...rest,
  ...(minimumDeposit === undefined ? {} : { minimumDeposit: BigInt(minimumDeposit) }),
});

@ApiTags('DAOs')
@Controller('v1/daos')
export class CreateDaoController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Create a DAO',
    description: 'Admin only. Founders start as ACTIVE members. Unset fields take the documented defaults.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: CreateDaoRequest })
  @ApiCreatedResponse({ type: DaoView })
  @ApiProblemResponses(400, 401, 409, 413, 415, 422, 503)
  create(
    @Body() body: CreateDaoRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<DaoView> {
    return this.commands.execute(
      new CreateDaoCommand(newId('dao'), toConfiguration(body), request.actor!, String(request.id), idempotency),
    );
  }
}
