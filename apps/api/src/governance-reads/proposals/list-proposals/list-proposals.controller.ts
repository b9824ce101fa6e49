import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { pageLimit, Paged } from '../../../shared/paging/page-query';
import { PROPOSAL_ID } from '../../shared/lookups';
import { AsOfQuery } from '../../shared/as-of.query';
import { ProposalReader } from '../proposal-reader';
import { PROPOSAL_STATES, ProposalView, proposalViewOf } from '../proposal.view';

export class ListProposalsQuery extends Paged(AsOfQuery) {
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
    description:
      'Frozen rules (without the voter list), live tally and state. `asOf` folds the log up to that point. A page of `limit` ' +
      'proposals; the next one is at the `Link: rel="next"` header (none on the last page).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: [ProposalView] })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListProposalsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposalView[]> {
    const after =
      query.cursor === undefined
        ? null
        : decodeCursor(query.cursor, (key) => (key.length === 1 && typeof key[0] === 'string' && PROPOSAL_ID.test(key[0]) ? key[0] : null));
    const limit = pageLimit(query);
    const page = pageOf(await this.proposals.list(id, query.state, query.asOf, { limit, after }), limit, (last) =>
      encodeCursor([last.proposalId]),
    );
    linkNextPage(request, reply, page.nextCursor);
    return page.items.map((p) => proposalViewOf(p));
  }
}
