import { Module } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { APP_CONFIG } from '../shared/tokens';
import { ClaimPayoutController } from './claim-payout/claim-payout.controller';
import { ClaimPayoutHandler } from './claim-payout/claim-payout.handler';
import { PAYOUTS_CHAIN, payoutsChain } from './payouts-chain';
import { PayoutsController } from './payouts.controller';

/** Members' yield stream, read live from the chain, and claims for members who have not connected. */
@Module({
  controllers: [PayoutsController, ClaimPayoutController],
  providers: [
    ClaimPayoutHandler,
    { provide: PAYOUTS_CHAIN, useFactory: (config: AppConfig) => payoutsChain(config), inject: [APP_CONFIG] },
  ],
})
export class PayoutsModule {}
