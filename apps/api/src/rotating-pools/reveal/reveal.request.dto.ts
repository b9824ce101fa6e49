import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsBytes32 } from '../../shared/validation/validators';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

/** The signed message of this action (see ACTION_SCHEMAS); the member signs it as served by the typed-data route. */
export class RevealSecretMessage extends RoscaMessage {
  @ApiProperty({
    example: '0x5f0c7b7cbb4f2f8e2c8a4f6d0e1b3c5a7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a',
    description: 'bytes32: the secret committed to on joining',
  })
  @IsBytes32()
  secret!: string;
}

/** The body of the action's route: the message as served and its signature. */
export class SignedRevealSecret extends SignedBody {
  @ApiProperty({ type: RevealSecretMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => RevealSecretMessage)
  message!: RevealSecretMessage;
}

/** What a client asks the typed data for. */
export class RevealSecretIntent extends RoscaIntent {
  @ApiProperty({
    example: '0x5f0c7b7cbb4f2f8e2c8a4f6d0e1b3c5a7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a',
    description: 'bytes32: the secret committed to on joining',
  })
  @IsBytes32()
  secret!: string;
}
