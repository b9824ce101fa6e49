import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaPreconditions } from '../shared/rosca-preconditions';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedEarlyPayment } from './payment.request.dto';

/** Early payments: recorded for the worker to pull at once; checked against the chain first so a pull that would fail is refused now. */
@Controller('v1/daos/:id/rotating-pools/:poolId/payments')
export class EarlyPaymentController {
  constructor(
    private readonly actions: RoscaSignedActions,
    private readonly checks: RoscaPreconditions,
  ) {}

  @Post()
  @RoscaActionRoute(
    'rosca-payment',
    SignedEarlyPayment,
    202,
    'Pay the open round now',
    'The worker pulls the contribution (and the late penalty as of the pull) at once rather than at the due time. With a chain, the member must have approved the contract of the pool for it and hold it (422 ROSCA.ALLOWANCE_TOO_LOW / ROSCA.BALANCE_TOO_LOW).',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedEarlyPayment,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-payment', id, poolId, body);
    await this.checks.requirePayable(prepared.pool, prepared.verified.signer, body.message.round, prepared.now);
    const { message } = body;
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'RequestEarlyPayment', data: { member: actor, round: message.round }, metadata: { now, actor } }),
      String(request.id),
    );
  }
}
