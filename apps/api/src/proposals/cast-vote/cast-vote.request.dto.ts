import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PROPOSAL_LIMITS, type VoteChoice } from '@ayllu/domain';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

export const VOTE_CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

export class VoteMessage extends MessageBinding {
  @ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' })
  @IsHexAddress()
  voter!: string;

  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  @Length(1, 64)
  proposalId!: string;

  @ApiProperty({ enum: [...VOTE_CHOICES] })
  @IsIn(VOTE_CHOICES)
  support!: VoteChoice;

  @ApiProperty({ example: 'Better yield, same risk', maxLength: PROPOSAL_LIMITS.voteReasonMaxLength })
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.voteReasonMaxLength)
  reason!: string;
}

export class SignedVote extends SignedBody {
  @ApiProperty({ type: VoteMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => VoteMessage)
  message!: VoteMessage;
}
