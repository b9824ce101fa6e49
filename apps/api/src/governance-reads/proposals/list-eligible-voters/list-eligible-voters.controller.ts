import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { isChecksumAddress, toChecksumAddress } from '@ayllu/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { pageLimit, Paged } from '../../../shared/paging/page-query';
import { IsHexAddress } from '../../../shared/validation/validators';
import { AsOfQuery } from '../../shared/as-of.query';
import { ProposalReader } from '../proposal-reader';
import { EligibleVoterView } from '../proposal.view';

export class ListEligibleVotersQuery extends Paged(AsOfQuery) {
  @ApiPropertyOptional({
    description: 'Only this voter (any letter case): an empty page when they may not vote on the proposal',
    example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  })
  @IsOptional()
  @IsHexAddress()
  voter?: string;
}

export class EligibleVoterPage {
  @ApiProperty({ type: [EligibleVoterView] }) items!: EligibleVoterView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals')
export class ListEligibleVotersController {
  constructor(private readonly proposals: ProposalReader) {}

  @Get(':pid/eligible-voters')
  @ApiOperation({
    summary: 'The voters a proposal froze when it was submitted, with their weights, a page at a time',
    description:
      'Ordered by address (byte order). Only these may vote on it, with these weights, whoever joins or leaves later. ' +
      '`voter` answers whether one address may vote. The next page is `nextCursor`, also in the `Link: rel="next"` header.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f6' })
  @ApiOkResponse({ type: EligibleVoterPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Param('pid') pid: string,
    @Query() query: ListEligibleVotersQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EligibleVoterPage> {
    const after =
      query.cursor === undefined
        ? null
        : decodeCursor(query.cursor, (key) =>
            key.length === 1 && typeof key[0] === 'string' && isChecksumAddress(key[0]) ? key[0] : null,
          );
    const { state } = await this.proposals.get(id, pid, query.asOf);
    const only = query.voter === undefined ? null : toChecksumAddress(query.voter);
    const voters = [...state.eligibleVoters]
      .filter(([voter]) => (only === null || voter === only) && (after === null || compare(voter, after) > 0))
      .sort(([a], [b]) => compare(a, b))
      .map(([voter, weight]) => ({ voter, weight: weight.toString() }));
    const page = pageOf(voters, pageLimit(query), (last) => encodeCursor([last.voter]));
    linkNextPage(request, reply, page.nextCursor);
    return page;
  }
}
