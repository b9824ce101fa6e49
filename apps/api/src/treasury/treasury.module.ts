import { Module } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { APP_CONFIG } from '../shared/tokens';
import { AddSafeSignatureController } from './add-safe-signature/add-safe-signature.controller';
import { AddSafeSignatureHandler } from './add-safe-signature/add-safe-signature.handler';
import { ContractsController } from './contracts.controller';
import { SafeTransactionsController } from './safe-transactions.controller';
import { TREASURY_CHAIN, treasuryChain } from './treasury-chain';

/** Treasurers' routes: the Safe transactions passed proposals produce, and their signatures. */
@Module({
  controllers: [SafeTransactionsController, AddSafeSignatureController, ContractsController],
  providers: [
    AddSafeSignatureHandler,
    { provide: TREASURY_CHAIN, useFactory: (config: AppConfig) => treasuryChain(config), inject: [APP_CONFIG] },
  ],
})
export class TreasuryModule {}
