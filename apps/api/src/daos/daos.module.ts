import { Module } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { APP_CONFIG } from '../shared/tokens';
import { TREASURY_CHAIN, treasuryChain } from '../treasury/treasury-chain';
import { CreateDaoController } from './create-dao/create-dao.controller';
import { CreateDaoHandler } from './create-dao/create-dao.handler';
import { GetDaoController } from './get-dao/get-dao.controller';
import { ListDaosController } from './list-daos/list-daos.controller';

@Module({
  controllers: [CreateDaoController, ListDaosController, GetDaoController],
  providers: [
    CreateDaoHandler,
    // Attaching a Safe reads its owners and threshold from the chain.
    { provide: TREASURY_CHAIN, useFactory: (config: AppConfig) => treasuryChain(config), inject: [APP_CONFIG] },
  ],
})
export class DaosModule {}
