import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toChecksumAddress } from '@ayllu/domain';
import { MemberView } from '../../governance-reads/members/member.view';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { MemberRouteParams } from '../../shared/member-route.params';
import { ReasonRequest } from '../../shared/reason.request.dto';
import { ReinstateMemberCommand } from './reinstate-member.handler';

@ApiTags('Membership')
@Controller('v1/daos/:id/members/:address/reinstatement')
export class ReinstateMemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({ summary: 'Reinstate a suspended member', description: 'Admin only, with a reason.' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  reinstate(
    @Param() params: MemberRouteParams,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<MemberView> {
    const member = toChecksumAddress(params.address);
    return this.commands.execute(
      new ReinstateMemberCommand(params.id, member, body.reason, request.actor!, String(request.id), idempotency),
    );
  }
}
