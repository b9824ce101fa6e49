import { ApiProperty } from '@nestjs/swagger';
import { IsHexAddress } from '../../../shared/validation/validators';

export class AddAdminWalletRequest {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Any letter case; stored checksummed' })
  @IsHexAddress()
  address!: string;
}
