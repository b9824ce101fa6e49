import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedDissolutionVote } from './dissolution-vote.request.dto';

/** Dissolution votes: the members decide a paused pool's end, as the seed's voteToDissolve. */
@Controller('v1/daos/:id/rotating-pools/:poolId/dissolution-votes')
export class DissolutionVoteController {
  constructor(private readonly actions: RoscaSignedActions) {}

  @Post()
  @RoscaActionRoute(
    'rosca-dissolution-vote',
    SignedDissolutionVote,
    201,
    'Vote to dissolve a paused pool',
    'While the organisers have the pool paused (EMERGENCY): more than half of the current members dissolve it, and the refunds add up to what the pool holds.',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedDissolutionVote,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-dissolution-vote', id, poolId, body);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({ type: 'VoteToDissolve', data: { member: actor }, metadata: { now, actor } }),
      String(request.id),
    );
  }
}
