import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { ApproveMemberController } from './approve-member/approve-member.controller';
import { ApproveMemberHandler } from './approve-member/approve-member.handler';
import { ReinstateMemberController } from './reinstate-member/reinstate-member.controller';
import { ReinstateMemberHandler } from './reinstate-member/reinstate-member.handler';
import { RequestToJoinController } from './request-to-join/request-to-join.controller';
import { RequestToJoinHandler } from './request-to-join/request-to-join.handler';
import { SuspendMemberController } from './suspend-member/suspend-member.controller';
import { SuspendMemberHandler } from './suspend-member/suspend-member.handler';

/** Membership writes: a signed request to join, and the admin's approval, suspension and reinstatement. */
@Module({
  imports: [SignaturesModule],
  controllers: [RequestToJoinController, ApproveMemberController, SuspendMemberController, ReinstateMemberController],
  providers: [RequestToJoinHandler, ApproveMemberHandler, SuspendMemberHandler, ReinstateMemberHandler],
})
export class MembersModule {}
