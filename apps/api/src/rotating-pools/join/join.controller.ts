import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { Hash } from '@ayllu/domain';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaPreconditions } from '../shared/rosca-preconditions';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedJoinPool, ZERO_HASH } from './join.request.dto';

/**
 * Joins are chain-first: this records the signed request, and the worker records the member once it has pulled
 * their collateral. What the decider cannot see (DAO membership, a ban in another pool, the chain) is checked
 * here first, so a request the worker could not carry out is refused while the member is still there to fix it.
 */
@Controller('v1/daos/:id/rotating-pools/:poolId/join-requests')
export class JoinPoolController {
  constructor(
    private readonly actions: RoscaSignedActions,
    private readonly checks: RoscaPreconditions,
  ) {}

  @Post()
  @RoscaActionRoute(
    'rosca-join',
    SignedJoinPool,
    202,
    'Ask to join a rotating pool',
    "Only the DAO's active members may join, and not one expelled from another of its pools. The pool's contract must be " +
      'deployed (409 ROSCA.NOT_DEPLOYED until then: retry) and, with a chain, the member must have approved it for the ' +
      'collateral and hold it (422 ROSCA.ALLOWANCE_TOO_LOW / ROSCA.BALANCE_TOO_LOW name the spender and amount). 202: the worker ' +
      'pulls the collateral, then records the member as joined (or the join as failed).',
  )
  async join(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedJoinPool,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-join', id, poolId, body);
    const member = prepared.verified.signer;
    await this.checks.requireActiveDaoMember(id, member);
    const banned = await this.checks.isBanned(id, member);
    if (!banned && prepared.pool.status === 'FORMING') await this.checks.requireJoinable(prepared.pool, member);
    const given = body.message.commitment.toLowerCase();
    const commitment = given === ZERO_HASH ? undefined : (given as Hash);
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({
        type: 'RequestToJoinRotatingPool',
        data: { member: actor, banned, ...(commitment ? { commitment } : {}) },
        metadata: { now, actor },
      }),
      String(request.id),
    );
  }
}
