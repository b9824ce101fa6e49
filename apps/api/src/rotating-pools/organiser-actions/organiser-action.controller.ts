import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { getAddress } from 'viem';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { Idempotency, type IdempotencyScope } from '../../shared/idempotency';
import { SafeTransactionView } from '../../treasury/safe-transaction.view';
import { OrganiserActionCommand } from './organiser-action.handler';
import { OrganiserActionRequest } from './organiser-action.request.dto';

@ApiTags('Rotating pools')
@Controller('v1/daos/:id/rotating-pools/:poolId/organiser-actions')
export class OrganiserActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @UseGuards(AdminKeyGuard)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: "Ask the DAO's Safe to start, pause or resume a rotating pool",
    description:
      "The DAO's Safe organises its rotating pools: a DAO admin asks, the treasurers sign. The pool is asked first as if the Safe acted now " +
      "(409/422 with the pool's own code: a pool not FORMING for `start`, not ACTIVE for `pause`, not EMERGENCY for `resume`, an `order` that " +
      'is not every member once, a pause without a `reason`); 409 `ROSCA.NOT_DEPLOYED` while the pool has no contract, 409 ' +
      '`ROSCA.ORGANISER_ACTION_PENDING` while another action of the pool waits for signatures. Then the Safe transaction calling the ' +
      "pool's contract (`startWithOrder(order)`, `pause(reason)`, `resume()`) is queued with purpose `rosca_organiser` and answered here; the " +
      'treasurers sign it through `POST /v1/daos/{id}/safe-transactions/{safeTxHash}/signatures`. Once executed, the pool records the command ' +
      "with the Safe as its actor. If the pool moved on meanwhile, the transaction's `failureReason` says why nothing was recorded: " +
      "`abandoned` with the contract's own error when the pool's contract refuses the call, `executed` with the pool's code when the " +
      'call ran but the log refuses it now.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'poolId', example: 'rosca_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first answer and change nothing',
  })
  @ApiBody({ type: OrganiserActionRequest })
  @ApiCreatedResponse({ type: SafeTransactionView })
  @ApiProblemResponses(400, 401, 403, 404, 409, 415, 422, 503)
  act(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: OrganiserActionRequest,
    @Req() request: AdminRequest,
    @Idempotency() idem: IdempotencyScope | undefined,
  ): Promise<SafeTransactionView> {
    const action = {
      poolId,
      action: body.action,
      order: body.action === 'start' && body.order ? body.order.map((a) => getAddress(a)) : null,
      reason: body.action === 'pause' ? (body.reason ?? null) : null,
    };
    return this.commands.execute(new OrganiserActionCommand(id, poolId, action, request.actor!, String(request.id), idem));
  }
}
