import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { PlaceBidController } from './bid/bid.controller';
import { CreateRotatingPoolController } from './create-pool/create-pool.controller';
import { CreateRotatingPoolHandler } from './create-pool/create-pool.handler';
import { DissolutionVoteController } from './dissolution-vote/dissolution-vote.controller';
import { PoolExitController } from './exit/exit.controller';
import { JoinPoolController } from './join/join.controller';
import { OrderVoteController } from './order-vote/order-vote.controller';
import { EarlyPaymentController } from './payment/payment.controller';
import { RevealSecretController } from './reveal/reveal.controller';
import { RoscaPreconditions } from './shared/rosca-preconditions';
import { RoscaSignedActions } from './shared/rosca-signed-actions';
import { RoscaTypedDataController } from './shared/rosca-typed-data.controller';
import { SubmitRoscaActionHandler } from './shared/submit-rosca-action.handler';

/**
 * Rotating pools, the writes: the admin's creation and the members' signed actions (join, reveal, order vote,
 * early payment, bid, exit, dissolution vote) with their typed data. Reads live in their own module.
 */
@Module({
  imports: [SignaturesModule],
  controllers: [
    CreateRotatingPoolController,
    RoscaTypedDataController,
    JoinPoolController,
    RevealSecretController,
    OrderVoteController,
    EarlyPaymentController,
    PlaceBidController,
    PoolExitController,
    DissolutionVoteController,
  ],
  providers: [CreateRotatingPoolHandler, SubmitRoscaActionHandler, RoscaSignedActions, RoscaPreconditions],
})
export class RotatingPoolWritesModule {}
