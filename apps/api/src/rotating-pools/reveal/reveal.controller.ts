import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import type { Hash } from '@ayllu/domain';
import type { FastifyRequest } from 'fastify';
import type { RoscaActionView } from '../shared/rosca-action.view';
import { RoscaActionRoute } from '../shared/rosca-action.docs';
import { RoscaSignedActions } from '../shared/rosca-signed-actions';
import { SignedRevealSecret } from './reveal.request.dto';

/** Lottery reveals: the draw's inputs come from the members' secrets, so no organiser, relayer or block producer picks the order. */
@Controller('v1/daos/:id/rotating-pools/:poolId/reveals')
export class RevealSecretController {
  constructor(private readonly actions: RoscaSignedActions) {}

  @Post()
  @RoscaActionRoute(
    'rosca-reveal',
    SignedRevealSecret,
    201,
    'Reveal a lottery secret',
    'Lottery pools, once full: the secret whose keccak256(secret ‖ member) the member committed to on joining. The last reveal draws the order and starts the pool.',
  )
  async submit(
    @Param('id') id: string,
    @Param('poolId') poolId: string,
    @Body() body: SignedRevealSecret,
    @Req() request: FastifyRequest,
  ): Promise<RoscaActionView> {
    const prepared = await this.actions.prepare('rosca-reveal', id, poolId, body);
    const { message } = body;
    return this.actions.submit(
      id,
      prepared,
      (actor, now) => ({
        type: 'RevealLotterySecret',
        data: { member: actor, secret: message.secret.toLowerCase() as Hash },
        metadata: { now, actor },
      }),
      String(request.id),
    );
  }
}
