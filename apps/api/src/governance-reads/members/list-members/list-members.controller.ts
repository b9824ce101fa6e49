import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AsOfQuery } from '../../shared/as-of.query';
import { MemberReader } from '../member-reader';
import { MemberView } from '../member.view';

@ApiTags('Members')
@Controller('v1/daos/:id/members')
export class ListMembersController {
  constructor(private readonly members: MemberReader) {}

  @Get()
  @ApiOperation({
    summary: "List a DAO's members",
    description:
      'Every member ever seen (PENDING requests and REMOVED members included), with status, balance and weight. `asOf` folds the log up to that point.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: [MemberView] })
  @ApiProblemResponses(400, 404)
  list(@Param('id') id: string, @Query() query: AsOfQuery): Promise<MemberView[]> {
    return this.members.list(id, query.asOf);
  }
}
