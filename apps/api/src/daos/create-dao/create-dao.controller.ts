import { randomBytes } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { DaoView } from '../dao.view';
import { CreateDaoCommand } from './create-dao.handler';
import { CreateDaoRequest } from './create-dao.request.dto';

/** Time-ordered, unguessable DAO ids: `dao_` + 10 hex chars of milliseconds + 16 random hex chars. */
const newDaoId = (): string => `dao_${Date.now().toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;

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
  @ApiProblemResponses(400, 401, 409, 413, 415, 422)
  create(
    @Body() body: CreateDaoRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<DaoView> {
    return this.commands.execute(new CreateDaoCommand(newDaoId(), body, request.actor!, String(request.id), idempotency));
  }
}
