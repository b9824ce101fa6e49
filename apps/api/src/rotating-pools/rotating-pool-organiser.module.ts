import { Module } from '@nestjs/common';
import { OrganiserActionController } from './organiser-actions/organiser-action.controller';
import { OrganiserActionHandler } from './organiser-actions/organiser-action.handler';

/** A rotating pool's organiser actions (start, pause, resume) as Safe transactions of the DAO, asked by a DAO admin. */
@Module({
  controllers: [OrganiserActionController],
  // The chain client (TREASURY_CHAIN) comes from the global ChainModule.
  providers: [OrganiserActionHandler],
})
export class RotatingPoolOrganiserModule {}
