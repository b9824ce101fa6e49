import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toChecksumAddress } from '@ayllu/domain';
import { MemberView } from '../../governance-reads/members/member.view';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { MemberRouteParams } from '../../shared/member-route.params';
import { ApproveMemberCommand } from './approve-member.handler';

@ApiTags('Membership')
@Controller('v1/daos/:id/members/:address/approval')
export class ApproveMemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Approve a pending member (hybrid DAOs)',
    description: 'Admin only. Their first sufficient deposit activates them (at once if they already deposited).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 422)
  approve(
    @Param() params: MemberRouteParams,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<MemberView> {
    const member = toChecksumAddress(params.address);
    return this.commands.execute(new ApproveMemberCommand(params.id, member, request.actor!, String(request.id), idempotency));
  }
}
