import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isHexAddress, toChecksumAddress } from '@ayllu/domain';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { invalidField } from '../../../shared/validation/invalid-field';
import { HEX_ADDRESS_MESSAGE } from '../../../shared/validation/validators';
import { AsOfQuery } from '../../shared/as-of.query';
import { memberNotFound } from '../../shared/lookups';
import { MemberReader } from '../member-reader';
import { MemberView } from '../member.view';

@ApiTags('Members')
@Controller('v1/daos/:id/members')
export class GetMemberController {
  constructor(private readonly members: MemberReader) {}

  @Get(':address')
  @ApiOperation({ summary: 'Read one member: status, balance, weight and why the weight is what it is' })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'address', example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Any letter case' })
  @ApiOkResponse({ type: MemberView })
  @ApiProblemResponses(400, 404)
  async get(@Param('id') id: string, @Param('address') address: string, @Query() query: AsOfQuery): Promise<MemberView> {
    if (!isHexAddress(address)) throw invalidField('address', HEX_ADDRESS_MESSAGE);
    const checksummed = toChecksumAddress(address);
    const [member] = await this.members.list(id, query.asOf, checksummed);
    if (!member) throw memberNotFound(checksummed);
    return member;
  }
}
