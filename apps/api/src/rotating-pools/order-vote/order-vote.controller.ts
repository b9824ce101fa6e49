import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { getAddress } from 'viem';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedOrderVote } from './order-vote.request.dto';

/** Consensus pools: the members, not the organisers, choose the order. */
@Controller('v1/daos/:id/rotating-pools/:poolId/order-votes')
export class OrderVoteController {
  constructor(private readonly actions: RoscaSignedActions) {}

  @Post()
  @RoscaActionRoute(
    'rosca-order-vote',
    SignedOrderVote,
    201,
    'Vote on the rotation order',
    'Consensus pools, while forming: an order listing every member once (it replaces the earlier vote of the member). A full pool starts on the order more than half of its members voted for.',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedOrderVote,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-order-vote', id, poolId, body);
    const { message } = body;
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({
        type: 'VoteOnRotationOrder',
        data: { member: actor, order: message.order.map((a) => getAddress(a)) },
        metadata: { now, actor },
      }),
      String(request.id),
    );
  }
}
