import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedPoolExit } from './exit.request.dto';

/** Emergency exits: decided at once; the worker moves the money the departure event names. */
@Controller('v1/daos/:id/rotating-pools/:poolId/exits')
export class PoolExitController {
  constructor(private readonly actions: RoscaSignedActions) {}

  @Post()
  @RoscaActionRoute(
    'rosca-exit',
    SignedPoolExit,
    201,
    'Leave the pool (emergency exit)',
    'When the pool allows it: the member leaves with what they are owed, less the exit penalty (see the money rules in the README).',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedPoolExit,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-exit', id, poolId, body);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'RequestRoscaExit', data: { member: actor }, metadata: { now, actor } }),
      String(request.id),
    );
  }
}
