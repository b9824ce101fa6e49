import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SharePoolCreatorAction } from '@ayllu/domain';
import { getAddress } from 'viem';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { invalidField } from '../../shared/validation/invalid-field';
import { SafeTransactionView } from '../../treasury/safe-transaction.view';
import { SharePoolCreatorActionCommand } from './creator-action.handler';
import { SharePoolCreatorActionRequest } from './creator-action.request.dto';

/** The body as the domain's action; a field the action needs and lacks is a 400 naming it. */
const actionOf = (poolId: string, body: SharePoolCreatorActionRequest): SharePoolCreatorAction => {
  switch (body.action) {
    case 'assign':
      if (body.to === undefined) throw invalidField('to', 'is required for assign');
      if (body.shares === undefined) throw invalidField('shares', 'is required for assign');
      return { poolId, action: 'assign', to: getAddress(body.to.toLowerCase()), shares: body.shares };
    case 'distribute':
      if (body.amount === undefined) throw invalidField('amount', 'is required for distribute');
      return { poolId, action: 'distribute', amount: BigInt(body.amount) };
    case 'stream':
      if (body.flowRate === undefined) throw invalidField('flowRate', 'is required for stream (0 stops it)');
      return { poolId, action: 'stream', flowRate: BigInt(body.flowRate) };
    case 'pause':
    case 'resume':
      return { poolId, action: body.action };
    case 'operator':
      if (body.operator === undefined) throw invalidField('operator', 'is required for operator');
      return { poolId, action: 'operator', operator: getAddress(body.operator.toLowerCase()) };
  }
};

@ApiTags('Share pools')
@Controller('v1/daos/:id/share-pools/:poolId/creator-actions')
export class SharePoolCreatorActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: "Ask the DAO's Safe to assign shares, distribute, pause or resume the pool, or replace its operator (creator actions)",
    description:
      "The DAO's Safe is the pool's creator: a DAO admin asks, the treasurers sign. `assign` calls the pool's `assign(to, shares)` " +
      '(an airdrop; where `to` asked to join, it approves the request with those shares); `distribute` and `stream` call the ' +
      "GDAv1Forwarder's `distribute` / `distributeFlow` from the Safe into the pool's GDA pool (the Safe must hold the " +
      "distribution token); `pause` / `resume` call the pool's `setPaused(bool)` (while paused, purchases, code redemptions, " +
      'contributions, stakes and transfers are refused 409 `SHARE_POOL.PAUSED`; unstaking, finalizing and claims go on); ' +
      '`operator` calls `setOperator(operator)`. The pool is asked first as if the Safe acted now (409/422 with its own code); 409 ' +
      '`SHARE_POOL.CREATOR_ACTION_PENDING` while another creator action of the pool waits for signatures. The Safe transaction ' +
      '(purpose `share_pool_creator`) is answered here; sign it through `POST /v1/daos/{id}/safe-transactions/{safeTxHash}/signatures`. ' +
      "Once executed, the pool records it with the Safe as actor; if the pool moved on meanwhile, the transaction's `failureReason` says why.",
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'share_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: SharePoolCreatorActionRequest })
  @ApiCreatedResponse({ type: SafeTransactionView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503)
  act(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SharePoolCreatorActionRequest,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ): Promise<SafeTransactionView> {
    return this.commands.execute(
      new SharePoolCreatorActionCommand(id, poolId, actionOf(poolId, body), request.actor!, String(request.id), idem),
    );
  }
}
