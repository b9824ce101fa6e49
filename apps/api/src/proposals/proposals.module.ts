import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { CastVoteController } from './cast-vote/cast-vote.controller';
import { CastVoteHandler } from './cast-vote/cast-vote.handler';
import { SubmitProposalController } from './submit-proposal/submit-proposal.controller';
import { SubmitProposalHandler } from './submit-proposal/submit-proposal.handler';
import { VetoProposalController } from './veto-proposal/veto-proposal.controller';
import { VetoProposalHandler } from './veto-proposal/veto-proposal.handler';

/** Proposal writes: members submit and vote (signed); an admin vetoes. Reads live with governance-reads. */
@Module({
  imports: [SignaturesModule],
  controllers: [SubmitProposalController, CastVoteController, VetoProposalController],
  providers: [SubmitProposalHandler, CastVoteHandler, VetoProposalHandler],
})
export class ProposalsModule {}
