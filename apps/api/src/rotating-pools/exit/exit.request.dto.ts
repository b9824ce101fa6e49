import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

/** The signed message of this action (see ACTION_SCHEMAS); the member signs it as served by the typed-data route. */
export class PoolExitMessage extends RoscaMessage {}

/** The body of the action's route: the message as served and its signature. */
export class SignedPoolExit extends SignedBody {
  @ApiProperty({ type: PoolExitMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => PoolExitMessage)
  message!: PoolExitMessage;
}

/** What a client asks the typed data for. */
export class PoolExitIntent extends RoscaIntent {}
