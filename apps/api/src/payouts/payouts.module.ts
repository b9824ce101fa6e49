import { Module } from '@nestjs/common';
import { ClaimPayoutController } from './claim-payout/claim-payout.controller';
import { ClaimPayoutHandler } from './claim-payout/claim-payout.handler';
import { PayoutsController } from './payouts.controller';
import { RelayerClaims } from './relayer-claims/relayer-claims';

/**
 * Members' yield stream, as the worker last read it from the chain, and claims for members who have not
 * connected, handed to the worker as jobs. Nothing here talks to the chain: the API holds no key. RelayerClaims
 * is the one claim mechanism, exported for the share pools' holders' claims.
 */
@Module({
  controllers: [PayoutsController, ClaimPayoutController],
  providers: [ClaimPayoutHandler, RelayerClaims],
  exports: [RelayerClaims],
})
export class PayoutsModule {}
