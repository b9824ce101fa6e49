import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

export class EmergencyExitMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  member!: string;
}

export class SignedEmergencyExit extends SignedBody {
  @ApiProperty({ type: EmergencyExitMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyExitMessage)
  message!: EmergencyExitMessage;
}
