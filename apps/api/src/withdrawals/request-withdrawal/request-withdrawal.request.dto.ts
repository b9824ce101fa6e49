import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsHexAddress, IsChainInteger } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

export class WithdrawalRequestMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: '5000000000000000000', description: 'uint256 in the token smallest unit, as a decimal string' })
  @IsChainInteger('uint256')
  amount!: string;
}

export class SignedWithdrawalRequest extends SignedBody {
  @ApiProperty({ type: WithdrawalRequestMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => WithdrawalRequestMessage)
  message!: WithdrawalRequestMessage;
}
