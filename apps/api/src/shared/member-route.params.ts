import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsHexAddress } from './validation/validators';

/** `/v1/daos/:id/members/:address/...`: the address in any letter case; the controller checksums it. */
export class MemberRouteParams {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  id!: string;

  @ApiProperty({ example: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', description: 'Any letter case' })
  @IsHexAddress()
  address!: string;
}
