import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

export class PoolExitMessage extends RoscaMessage {}

export class SignedPoolExit extends SignedBody {
  @ApiProperty({ type: PoolExitMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => PoolExitMessage)
  message!: PoolExitMessage;
}

export class PoolExitIntent extends RoscaIntent {}
