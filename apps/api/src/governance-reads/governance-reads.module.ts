import { Module } from '@nestjs/common';
import { ListEventsController } from './events/list-events/list-events.controller';
import { GetMemberController } from './members/get-member/get-member.controller';
import { ListMembersController } from './members/list-members/list-members.controller';
import { MemberReader } from './members/member-reader';
import { GetProposalController } from './proposals/get-proposal/get-proposal.controller';
import { ListEligibleVotersController } from './proposals/list-eligible-voters/list-eligible-voters.controller';
import { ListProposalsController } from './proposals/list-proposals/list-proposals.controller';
import { ListVotesController } from './proposals/list-votes/list-votes.controller';
import { ProposalReader } from './proposals/proposal-reader';

/** Governance reads: members, proposals, ballots and the audit log, with time travel (`asOf`). */
@Module({
  controllers: [
    ListMembersController,
    GetMemberController,
    ListProposalsController,
    GetProposalController,
    ListEligibleVotersController,
    ListVotesController,
    ListEventsController,
  ],
  providers: [MemberReader, ProposalReader],
  exports: [MemberReader],
})
export class GovernanceReadsModule {}
