import { Module } from '@nestjs/common';
import { SharePoolReader } from './reads/share-pool-reader';
import { SharePoolReadsController } from './reads/share-pool-reads.controller';

/** Share-pool reads: pools, holders, crowdfunding, staking, distributions and holders' statements, with `asOf`. */
@Module({
  controllers: [SharePoolReadsController],
  providers: [SharePoolReader],
  exports: [SharePoolReader],
})
export class SharePoolReadsModule {}
