import { Module } from '@nestjs/common';
import { ClaimPayoutController } from './claim-payout/claim-payout.controller';
import { ClaimPayoutHandler } from './claim-payout/claim-payout.handler';
import { PayoutsController } from './payouts.controller';

/**
 * Members' yield stream, as the worker last read it from the chain, and claims for members who have not
 * connected, handed to the worker as jobs. Nothing here talks to the chain: the API holds no key.
 */
@Module({
  controllers: [PayoutsController, ClaimPayoutController],
  providers: [ClaimPayoutHandler],
})
export class PayoutsModule {}
