import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

export class JoinRequestMessage extends MessageBinding {
  @ApiProperty({ example: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' })
  @IsHexAddress()
  address!: string;
}

export class SignedJoinRequest extends SignedBody {
  @ApiProperty({ type: JoinRequestMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => JoinRequestMessage)
  message!: JoinRequestMessage;
}
