import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

export class ProposalCancellationMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Who proposed it: the only member who may cancel' })
  @IsHexAddress()
  proposer!: string;

  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c', description: 'Must equal the proposal in the route' })
  @IsString()
  @Length(1, 64)
  proposalId!: string;
}

export class SignedProposalCancellation extends SignedBody {
  @ApiProperty({ type: ProposalCancellationMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => ProposalCancellationMessage)
  message!: ProposalCancellationMessage;
}
