import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { TREASURY_CHAIN, treasuryChain } from '../treasury/treasury-chain';
import { APP_CONFIG } from './tokens';

/**
 * The API's one read-only chain client (or null without a chain), for every feature that asks the chain:
 * treasurers' signatures against the Safe's owners, members' contract-wallet signatures (EIP-1271 / ERC-6492).
 */
@Global()
@Module({
  providers: [{ provide: TREASURY_CHAIN, useFactory: (config: AppConfig) => treasuryChain(config), inject: [APP_CONFIG] }],
  exports: [TREASURY_CHAIN],
})
export class ChainModule {}
