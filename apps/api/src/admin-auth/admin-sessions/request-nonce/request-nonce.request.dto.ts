import { ApiProperty } from '@nestjs/swagger';
import { IsHexAddress } from '../../../shared/validation/validators';

export class RequestSiweNonceRequest {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The wallet that will sign in' })
  @IsHexAddress()
  address!: string;
}
