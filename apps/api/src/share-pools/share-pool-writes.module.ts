import { Module } from '@nestjs/common';
import { PayoutsModule } from '../payouts/payouts.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ShareMemberActionsController } from './actions/member-actions.controller';
import { ShareAdminDecisionsController } from './admin/share-admin-decisions.controller';
import { ShareCodesController } from './codes/share-codes.controller';
import { CreateSharePoolController } from './create-pool/create-share-pool.controller';
import { CreateSharePoolHandler } from './create-pool/create-share-pool.handler';
import { ClaimSharePayoutController } from './holder-claims/claim-share-payout.controller';
import { ClaimSharePayoutHandler } from './holder-claims/claim-share-payout.handler';
import { SharePoolCreatorActionController } from './creator-actions/creator-action.controller';
import { SharePoolCreatorActionHandler } from './creator-actions/creator-action.handler';
import { ShareAdminCommands } from './shared/share-admin-commands';
import { ShareSignedActions } from './shared/share-signed-actions';
import { ShareTypedDataController } from './shared/share-typed-data.controller';

/**
 * Share pools, the writes: the admin's creation, codes and decisions, the creator's Safe actions, and the members'
 * signed actions (purchase, join request, code redemption, transfer, contribution, stake, unstake) with their typed
 * data, and holders' claims on the pool's GDA pool (the payouts' RelayerClaims). Reads live in their own module.
 */
@Module({
  imports: [SignaturesModule, PayoutsModule],
  controllers: [
    CreateSharePoolController,
    ShareTypedDataController,
    ShareMemberActionsController,
    ShareCodesController,
    ShareAdminDecisionsController,
    SharePoolCreatorActionController,
    ClaimSharePayoutController,
  ],
  // The chain client (TREASURY_CHAIN) comes from the global ChainModule.
  providers: [CreateSharePoolHandler, SharePoolCreatorActionHandler, ShareSignedActions, ShareAdminCommands, ClaimSharePayoutHandler],
})
export class SharePoolWritesModule {}
