import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { normaliseAddress, type Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { FastifyReply } from 'fastify';
import { ClaimView } from '../../payouts/payouts.view';
import { RelayerClaims } from '../../payouts/relayer-claims/relayer-claims';
import { ApiProblemResponses } from '../../shared/api-problems';
import { problem, ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../shared/tokens';
import { invalidField } from '../../shared/validation/invalid-field';
import { requireSharePoolIn } from '../shared/share-pool';
import { ClaimSharePayoutCommand, shareClaimTarget } from './claim-share-payout.handler';
import { HolderRouteParams } from './holder-claim.params';

/** The route's holder, checksummed whatever its letter case (the DTO checked it is an address). */
const holderOf = (address: string): Address => {
  const holder = normaliseAddress(address.toLowerCase());
  if (holder === null) throw invalidField('address', 'must be a 0x-prefixed 20-byte address');
  return holder;
};

@ApiTags('Share pools')
@Controller('v1/daos/:id/share-pools/:poolId/holders/:address/claim')
export class ClaimSharePayoutController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly claims: RelayerClaims,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Ask the relayer to move what a share holder who has not connected to the pool's GDA pool has accrued into their balance (claimAll)",
    description:
      "The community pools' claim, for a share pool's own GDA pool (units = shares). Anyone may ask, without a signature: claimAll " +
      'can only pay the holder. Accepted (202) as a job of the worker; follow it at `claimUrl` (the Location header). Parallel requests ' +
      'get the same job. Refused before any job: 404 `SHARE_POOL.NOT_FOUND` / `SHARE_POOL.NOT_A_HOLDER` (no shares in the pool), ' +
      "409 `SHARE_POOL.NOT_DEPLOYED` while the pool's contract is not deployed (Retry-After), 409 `PAYOUT.CONNECTED` (they receive " +
      'live), 409 `PAYOUT.BELOW_MINIMUM` below CLAIM_MIN_AMOUNT (Retry-After when a stream will get there), 429 `PAYOUT.CLAIM_COOLDOWN` ' +
      'within CLAIM_COOLDOWN_SECONDS of their last claim on this pool (Retry-After), 503 `PAYOUT.NOT_READ_YET` until the worker has read ' +
      'the pool since the holder came in.',
  })
  @ApiAcceptedResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404, 409, 429, 503)
  async claim(@Param() params: HolderRouteParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<ClaimView> {
    const view = await this.commands.execute(new ClaimSharePayoutCommand(params.id, params.poolId, holderOf(params.address)));
    void reply.header('location', view.claimUrl);
    return view;
  }

  @Get()
  @ApiOperation({
    summary: "The holder's latest claim on the share pool: queued, claimed (with the transaction and amount), skipped or failed (with why)",
  })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblemResponses(400, 404)
  async latest(@Param() params: HolderRouteParams): Promise<ClaimView> {
    const holder = holderOf(params.address);
    const pool = await requireSharePoolIn(this.store, params.id, params.poolId);
    const target = shareClaimTarget(params.id, pool, holder);
    if (target === null)
      throw new ProblemException(
        problem(404, 'PAYOUT.NO_CLAIM', `Share pool ${params.poolId} is not deployed: no claim was asked for ${holder}`),
      );
    return this.claims.latest(target);
  }
}
