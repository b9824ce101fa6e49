import { Module } from '@nestjs/common';
import { AddSafeSignatureController } from './add-safe-signature/add-safe-signature.controller';
import { AddSafeSignatureHandler } from './add-safe-signature/add-safe-signature.handler';
import { ContractsController } from './contracts.controller';
import { SafeTransactionsController } from './safe-transactions.controller';

/** Treasurers' routes: the Safe transactions passed proposals produce, and their signatures. */
@Module({
  controllers: [SafeTransactionsController, AddSafeSignatureController, ContractsController],
  // The chain client (TREASURY_CHAIN) comes from the global ChainModule: member signatures use it too.
  providers: [AddSafeSignatureHandler],
})
export class TreasuryModule {}
