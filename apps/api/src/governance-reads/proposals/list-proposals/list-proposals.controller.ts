import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AsOfQuery } from '../../shared/as-of.query';
import { ProposalReader } from '../proposal-reader';
import { PROPOSAL_STATES, ProposalView, proposalViewOf } from '../proposal.view';

export class ListProposalsQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATES, description: 'Only proposals in this state' })
  @IsOptional()
  @IsIn(PROPOSAL_STATES, { message: `must be one of ${PROPOSAL_STATES.join(', ')}` })
  state?: string;
}

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals')
export class ListProposalsController {
  constructor(private readonly proposals: ProposalReader) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's proposals, oldest first",
    description: 'Frozen rules (without the voter list), live tally and state. `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: [ProposalView] })
  @ApiProblemResponses(400, 404)
  async list(@Param('id') id: string, @Query() query: ListProposalsQuery): Promise<ProposalView[]> {
    const proposals = await this.proposals.list(id, query.state, query.asOf);
    return proposals.map((p) => proposalViewOf(p, false));
  }
}
