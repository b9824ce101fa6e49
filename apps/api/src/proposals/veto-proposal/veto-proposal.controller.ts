import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { ProposalView } from '../../governance-reads/proposals/proposal.view';
import { ReasonRequest } from '../../shared/reason.request.dto';
import { VetoProposalCommand } from './veto-proposal.handler';

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals/:pid/veto')
export class VetoProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Veto a proposal',
    description: 'Admin only, with a reason, at any point before execution. The proposal ends as Canceled (vetoed).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: ProposalView })
  @ApiProblemResponses(400, 401, 404, 409, 415, 422)
  veto(
    @Param('id') id: string,
    @Param('pid') pid: string,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ): Promise<ProposalView> {
    return this.commands.execute(new VetoProposalCommand(id, pid, body.reason, request.actor!, String(request.id), idem));
  }
}
