import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { getAddress } from 'viem';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { problem, ProblemException } from '../../shared/problem';
import { MemberView } from '../../governance-reads/members/member.view';
import { DecideMemberCommand, type MemberDecision } from './member-admin.handler';
import { ReasonRequest } from './reason.request.dto';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

const memberAddress = (value: string): string => {
  if (!ADDRESS.test(value))
    throw new ProblemException(
      problem(400, 'REQUEST.INVALID', 'Invalid fields: address', {
        errors: [{ field: 'address', message: 'must be a 0x-prefixed 20-byte address' }],
      }),
    );
  return getAddress(value);
};

/** Admin decisions about a member. Each is recorded with the admin key's id as actor. */
@ApiTags('Membership')
@ApiBearerAuth('admin')
@UseGuards(AdminKeyGuard)
@ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
@ApiParam({ name: 'address', example: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' })
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retries with the same key return the first answer and change nothing',
})
@Controller('v1/daos/:id/members/:address')
export class MemberAdminController {
  constructor(private readonly commands: CommandBus) {}

  @Post('approval')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Approve a pending member (hybrid DAOs)',
    description: 'Admin only. Their first sufficient deposit activates them (at once if they already deposited).',
  })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 422)
  approve(
    @Param('id') id: string,
    @Param('address') address: string,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ) {
    return this.decide(id, address, { type: 'ApproveMember' }, request, idem);
  }

  @Post('suspension')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Suspend a member',
    description: 'Admin only, with a reason. A suspended member keeps their balance but can neither propose nor vote.',
  })
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  suspend(
    @Param('id') id: string,
    @Param('address') address: string,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ) {
    return this.decide(id, address, { type: 'SuspendMember', reason: body.reason }, request, idem);
  }

  @Post('reinstatement')
  @HttpCode(201)
  @ApiOperation({ summary: 'Reinstate a suspended member', description: 'Admin only, with a reason.' })
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: MemberView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  reinstate(
    @Param('id') id: string,
    @Param('address') address: string,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ) {
    return this.decide(id, address, { type: 'ReinstateMember', reason: body.reason }, request, idem);
  }

  private decide(
    id: string,
    address: string,
    decision: MemberDecision,
    request: AdminRequest,
    idem: IdempotencyScope | undefined,
  ): Promise<MemberView> {
    return this.commands.execute(new DecideMemberCommand(id, memberAddress(address), decision, request.actor!, String(request.id), idem));
  }
}
