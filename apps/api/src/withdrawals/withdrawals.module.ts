import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { RequestEmergencyExitController } from './request-emergency-exit/request-emergency-exit.controller';
import { RequestEmergencyExitHandler } from './request-emergency-exit/request-emergency-exit.handler';
import { RequestWithdrawalController } from './request-withdrawal/request-withdrawal.controller';
import { RequestWithdrawalHandler } from './request-withdrawal/request-withdrawal.handler';

/** Members taking their money out (signed): withdrawal requests, and the emergency exit. */
@Module({
  imports: [SignaturesModule],
  controllers: [RequestWithdrawalController, RequestEmergencyExitController],
  providers: [RequestWithdrawalHandler, RequestEmergencyExitHandler],
})
export class WithdrawalsModule {}
