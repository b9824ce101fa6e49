import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { DecideMemberHandler } from './admin/member-admin.handler';
import { MemberAdminController } from './admin/member-admin.controller';
import { VetoProposalController } from './admin/veto-proposal.controller';
import { VetoProposalHandler } from './admin/veto-proposal.handler';
import { RequestEmergencyExitController } from './emergency-exits/request-emergency-exit.controller';
import { RequestEmergencyExitHandler } from './emergency-exits/request-emergency-exit.handler';
import { RequestToJoinController } from './join-requests/request-to-join.controller';
import { RequestToJoinHandler } from './join-requests/request-to-join.handler';
import { SubmitProposalController } from './proposals/submit-proposal/submit-proposal.controller';
import { SubmitProposalHandler } from './proposals/submit-proposal/submit-proposal.handler';
import { TypedDataController } from './typed-data/typed-data.controller';
import { CastVoteController } from './votes/cast-vote/cast-vote.controller';
import { CastVoteHandler } from './votes/cast-vote/cast-vote.handler';
import { RequestWithdrawalController } from './withdrawals/request-withdrawal.controller';
import { RequestWithdrawalHandler } from './withdrawals/request-withdrawal.handler';

/**
 * Governance writes: signed member actions (join, propose, vote, withdraw, exit) and admin decisions
 * (approve, suspend, reinstate, veto). Reads and the closing jobs live with the read side.
 */
@Module({
  imports: [SignaturesModule],
  controllers: [
    TypedDataController,
    RequestToJoinController,
    SubmitProposalController,
    CastVoteController,
    RequestWithdrawalController,
    RequestEmergencyExitController,
    MemberAdminController,
    VetoProposalController,
  ],
  providers: [
    RequestToJoinHandler,
    SubmitProposalHandler,
    CastVoteHandler,
    RequestWithdrawalHandler,
    RequestEmergencyExitHandler,
    DecideMemberHandler,
    VetoProposalHandler,
  ],
})
export class GovernanceModule {}
