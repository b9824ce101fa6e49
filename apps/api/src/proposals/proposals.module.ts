import { Module } from '@nestjs/common';
import { SignaturesModule } from '../signatures/signatures.module';
import { CancelProposalController } from './cancel-proposal/cancel-proposal.controller';
import { CancelProposalHandler } from './cancel-proposal/cancel-proposal.handler';
import { CastVoteController } from './cast-vote/cast-vote.controller';
import { CastVoteHandler } from './cast-vote/cast-vote.handler';
import { SubmitProposalController } from './submit-proposal/submit-proposal.controller';
import { SubmitProposalHandler } from './submit-proposal/submit-proposal.handler';
import { VetoProposalController } from './veto-proposal/veto-proposal.controller';
import { VetoProposalHandler } from './veto-proposal/veto-proposal.handler';

/** Proposal writes: members submit, vote and cancel (signed); an admin vetoes. Reads live with governance-reads. */
@Module({
  imports: [SignaturesModule],
  controllers: [SubmitProposalController, CastVoteController, CancelProposalController, VetoProposalController],
  providers: [SubmitProposalHandler, CastVoteHandler, CancelProposalHandler, VetoProposalHandler],
})
export class ProposalsModule {}
