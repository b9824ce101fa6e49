import { Controller, Get, Inject, Optional, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import { ApiProblemResponses } from '../shared/api-problems';
import { EVENT_STORE } from '../shared/tokens';
import { requireTreasury } from '../treasury/load-treasury';
import { PAYOUTS_CHAIN, type PayoutsChain } from './payouts-chain';
import { PayoutsView } from './payouts.view';
import { noChain, readPayouts } from './read-payouts';

@ApiTags('Payouts')
@Controller('v1/daos/:id/payouts')
export class PayoutsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Optional() @Inject(PAYOUTS_CHAIN) private readonly chain: PayoutsChain | null,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's yield stream: pool, total flow rate, and per member units, flow rate, received so far, connected or not",
    description: 'Read from the chain at the latest block; amounts and rates are decimal strings in the token’s smallest unit.',
  })
  @ApiOkResponse({ type: PayoutsView })
  @ApiProblemResponses(404, 503)
  async get(@Param('id') id: string): Promise<PayoutsView> {
    await requireTreasury(this.store, id);
    if (!this.chain) throw noChain();
    return readPayouts(this.store, this.chain.public, id);
  }
}
