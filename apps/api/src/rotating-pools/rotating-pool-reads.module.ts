import { Module } from '@nestjs/common';
import { GetRotatingPoolMemberController } from './reads/get-rotating-pool-member/get-rotating-pool-member.controller';
import { GetRotatingPoolController } from './reads/get-rotating-pool/get-rotating-pool.controller';
import { ListRotatingPoolsController } from './reads/list-rotating-pools/list-rotating-pools.controller';
import { RotatingPoolReader } from './reads/rotating-pool-reader';

/** Rotating-pool reads: pools, schedules, dashboards and each member's view, with time travel (`asOf`). */
@Module({
  controllers: [ListRotatingPoolsController, GetRotatingPoolController, GetRotatingPoolMemberController],
  providers: [RotatingPoolReader],
  exports: [RotatingPoolReader],
})
export class RotatingPoolReadsModule {}
