import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../shared/api-problems';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../shared/tokens';
import { requireTreasury } from '../treasury/load-treasury';
import { PayoutsView } from './payouts.view';
import { readPayouts } from './read-payouts';

@ApiTags('Payouts')
@Controller('v1/daos/:id/payouts')
export class PayoutsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's yield stream: pool, total flow rate, and per seated member units, flow rate, received so far, connected or not",
    description:
      'As the worker last read them from the chain, all at one block (`chainTime`), every PAYOUT_CACHE_REFRESH_SECONDS (`refreshedAt`); ' +
      'amounts and rates are decimal strings in the token’s smallest unit. 503 with Retry-After until the first read.',
  })
  @ApiOkResponse({ type: PayoutsView })
  @ApiProblemResponses(404, 503)
  async get(@Param('id') id: string): Promise<PayoutsView> {
    const treasury = await requireTreasury(this.store, id);
    return readPayouts(this.db, id, treasury.contracts.pool, this.config.payoutCacheRefreshSeconds);
  }
}
