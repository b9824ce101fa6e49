import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

export class DissolutionVoteMessage extends RoscaMessage {}

export class SignedDissolutionVote extends SignedBody {
  @ApiProperty({ type: DissolutionVoteMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => DissolutionVoteMessage)
  message!: DissolutionVoteMessage;
}

export class DissolutionVoteIntent extends RoscaIntent {}
