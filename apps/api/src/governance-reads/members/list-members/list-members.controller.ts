import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { IsUintString } from '../../../shared/validation/validators';
import { AsOfQuery } from '../../shared/as-of.query';
import { decodeMemberCursor, MEMBER_CURSOR_MESSAGE, MEMBER_CURSOR_PATTERN } from '../member-cursor';
import { MemberReader } from '../member-reader';
import { MemberView } from '../member.view';

export const MEMBER_PAGE = { default: 100, max: 500 } as const;

export class ListMembersQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: `1 to ${MEMBER_PAGE.max}, default ${MEMBER_PAGE.default}`, example: '100' })
  @IsOptional()
  @IsUintString({ min: 1n, max: BigInt(MEMBER_PAGE.max) })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(MEMBER_CURSOR_PATTERN, { message: MEMBER_CURSOR_MESSAGE })
  cursor?: string;
}

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
      '(never-joined last) then address. `limit` and `cursor` page through them; `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblemResponses(400, 404)
  list(@Param('id') id: string, @Query() query: ListMembersQuery): Promise<MemberPage> {
    return this.members.page(id, query.asOf, {
      limit: Number(query.limit ?? MEMBER_PAGE.default),
      after: query.cursor === undefined ? null : decodeMemberCursor(query.cursor),
    });
  }
}
