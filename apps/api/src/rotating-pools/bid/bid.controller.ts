import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedPlaceBid } from './bid.request.dto';

/** Bidding pools: a member bids the discount they accept for the round pot. */
@Controller('v1/daos/:id/rotating-pools/:poolId/bids')
export class PlaceBidController {
  constructor(private readonly actions: RoscaSignedActions) {}

  @Post()
  @RoscaActionRoute(
    'rosca-bid',
    SignedPlaceBid,
    201,
    'Bid for the pot of the open round',
    'Bidding pools: the discount on the pot the member accepts; the highest discount whose payout still covers its holdback wins, the discount shared among the other members. One bid per member and round.',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedPlaceBid,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-bid', id, poolId, body);
    const { message } = body;
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({
        type: 'PlaceBid',
        data: { member: actor, round: message.round, discountBps: message.discountBps },
        metadata: { now, actor },
      }),
      String(request.id),
    );
  }
}
