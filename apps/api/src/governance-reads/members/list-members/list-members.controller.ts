import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { linkNextPage } from '../../../shared/paging/link-header';
import { pageLimit, Paged } from '../../../shared/paging/page-query';
import { AsOfQuery } from '../../shared/as-of.query';
import { decodeMemberCursor } from '../member-cursor';
import { MemberReader } from '../member-reader';
import { MemberView } from '../member.view';

export class ListMembersQuery extends Paged(AsOfQuery) {}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

@ApiTags('Members')
@Controller('v1/daos/:id/members')
export class ListMembersController {
  constructor(private readonly members: MemberReader) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's members, a page at a time",
    description:
      'Every member ever seen (PENDING requests and REMOVED members included), with status, balance and weight, ordered by joinedAt ' +
      '(never-joined last) then address. `limit` and `cursor` page through them (the next page is also the `Link: rel="next"` header); ' +
      '`asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListMembersQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberPage> {
    const page = await this.members.page(id, query.asOf, {
      limit: pageLimit(query),
      after: query.cursor === undefined ? null : decodeMemberCursor(query.cursor),
    });
    linkNextPage(request, reply, page.nextCursor);
    return page;
  }
}
