import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { getAddress, isAddress } from 'viem';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { ReasonRequest } from '../../shared/reason.request.dto';
import { invalidField } from '../../shared/validation/invalid-field';
import { ShareAdminCommands } from '../shared/share-admin-commands';
import { ShareActionView, toShareActionView } from '../shared/share-action.view';

const ID = { name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' };
const POOL = { name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' };

/** A DAO admin's decisions on a share pool that need no chain call, recorded with the admin as actor. */
@ApiTags('Share pools')
@ApiBearerAuth('admin')
@Controller('v1/daos/:id/share-pools/:poolId')
@UseGuards(AdminKeyGuard)
export class ShareAdminDecisionsController {
  constructor(private readonly admin: ShareAdminCommands) {}

  @Post('join-requests/:member/rejection')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Reject a request to join',
    description: "With a reason. Approving is the Safe's: a creator action `assign` to the member (POST …/creator-actions).",
  })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiParam({ name: 'member', example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Any case' })
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: ShareActionView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  reject(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Param('member') member: string,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<ShareActionView> {
    if (!isAddress(member, { strict: false })) throw invalidField('member', 'must be a 0x-prefixed 20-byte address');
    const address = getAddress(member.toLowerCase());
    return this.run(id, poolId, request, idempotency, (metadata) => ({
      type: 'RejectJoinRequest',
      data: { member: address, reason: body.reason },
      metadata,
    }));
  }

  @Post('rounds/completion')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Complete the open distribution round',
    description: 'Its stream must be stopped first (409 SHARE_POOL.STREAM_RUNNING); the next distribution opens a new round.',
  })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiCreatedResponse({ type: ShareActionView })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  complete(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<ShareActionView> {
    return this.run(id, poolId, request, idempotency, (metadata) => ({ type: 'CompleteDistributionRound', data: {}, metadata }));
  }

  @Post('deletion')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Soft-delete a share pool',
    description:
      'With a reason: the pool leaves the lists and takes no further command; its history stays readable by id. Refused (409) ' +
      'while chain actions, escrowed contributions, a stream or stakes are open.',
  })
  @ApiParam(ID)
  @ApiParam(POOL)
  @ApiBody({ type: ReasonRequest })
  @ApiCreatedResponse({ type: ShareActionView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422)
  remove(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: ReasonRequest,
    @Req() request: AdminRequest,
    @Idempotency() idempotency: IdempotencyScope | undefined,
  ): Promise<ShareActionView> {
    return this.run(id, poolId, request, idempotency, (metadata) => ({ type: 'DeleteSharePool', data: { reason: body.reason }, metadata }));
  }

  private run(
    daoId: string,
    poolId: string,
    request: AdminRequest,
    idempotency: IdempotencyScope | undefined,
    command: Parameters<ShareAdminCommands['run']>[0]['command'],
  ): Promise<ShareActionView> {
    const actor = request.actor!;
    return this.admin.run({
      daoId,
      poolId,
      actor,
      requestId: String(request.id),
      ...(idempotency ? { idempotency } : {}),
      command,
      respond: (state, events) => toShareActionView(daoId, poolId, actor, state, events),
    });
  }
}
