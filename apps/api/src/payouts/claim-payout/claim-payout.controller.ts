import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { FastifyReply } from 'fastify';
import { getAddress } from 'viem';
import { ApiProblemResponses } from '../../shared/api-problems';
import { MemberRouteParams } from '../../shared/member-route.params';
import { EVENT_STORE } from '../../shared/tokens';
import { ClaimView } from '../payouts.view';
import { RelayerClaims } from '../relayer-claims/relayer-claims';
import { ClaimPayoutCommand, communityClaimTarget } from './claim-payout.handler';

@ApiTags('Payouts')
@Controller('v1/daos/:id/members/:address/claim')
export class ClaimPayoutController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly claims: RelayerClaims,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask the relayer to move what a member who has not connected to the pool has accrued into their balance (claimAll)',
    description:
      'Anyone may ask, without a signature: claimAll can only pay the member. Accepted (202) as a job of the worker; follow it at ' +
      '`claimUrl` (the Location header). Parallel requests get the same job. Refused before any job: 404 when the member holds ' +
      'nothing in the pool, 409 `PAYOUT.CONNECTED` (they receive live), 409 `PAYOUT.BELOW_MINIMUM` below CLAIM_MIN_AMOUNT ' +
      '(Retry-After when the stream will get there), 429 `PAYOUT.CLAIM_COOLDOWN` within CLAIM_COOLDOWN_SECONDS of the last claim ' +
      '(Retry-After), 503 until the worker has read the pool.',
  })
  @ApiAcceptedResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404, 409, 429, 503)
  async claim(@Param() params: MemberRouteParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<ClaimView> {
    const view = await this.commands.execute(new ClaimPayoutCommand(params.id, getAddress(params.address)));
    void reply.header('location', view.claimUrl);
    return view;
  }

  @Get()
  @ApiOperation({ summary: "The member's latest claim: queued, claimed (with the transaction and amount), skipped or failed (with why)" })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404)
  async latest(@Param() params: MemberRouteParams): Promise<ClaimView> {
    return this.claims.latest(await communityClaimTarget(this.store, params.id, getAddress(params.address)));
  }
}
