import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { ShareMemberActionsController } from './actions/member-actions.controller';
import { ShareAdminDecisionsController } from './admin/share-admin-decisions.controller';
import { ShareCodesController } from './codes/share-codes.controller';
import { CreateSharePoolController } from './create-pool/create-share-pool.controller';
import { CreateSharePoolHandler } from './create-pool/create-share-pool.handler';
import { SharePoolCreatorActionController } from './creator-actions/creator-action.controller';
import { SharePoolCreatorActionHandler } from './creator-actions/creator-action.handler';
import { ShareAdminCommands } from './shared/share-admin-commands';
import { ShareSignedActions } from './shared/share-signed-actions';
import { ShareTypedDataController } from './shared/share-typed-data.controller';

/**
 * Share pools, the writes: the admin's creation, codes and decisions, the creator's Safe actions, and the members'
 * signed actions (purchase, join request, code redemption, transfer, contribution, stake, unstake) with their typed
 * data. Reads live in their own module.
 */
@Module({
  imports: [SignaturesModule],
  controllers: [
    CreateSharePoolController,
    ShareTypedDataController,
    ShareMemberActionsController,
    ShareCodesController,
    ShareAdminDecisionsController,
    SharePoolCreatorActionController,
  ],
  // The chain client (TREASURY_CHAIN) comes from the global ChainModule.
  providers: [CreateSharePoolHandler, SharePoolCreatorActionHandler, ShareSignedActions, ShareAdminCommands],
})
export class SharePoolWritesModule {}
