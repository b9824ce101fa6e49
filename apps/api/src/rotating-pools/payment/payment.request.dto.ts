import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

/** The signed message of this action (see ACTION_SCHEMAS); the member signs it as served by the typed-data route. */
export class EarlyPaymentMessage extends RoscaMessage {
  @ApiProperty({ example: 0, description: 'uint32: the open round (0-based)' })
  @IsInt()
  @Min(0)
  @Max(4_294_967_295)
  round!: number;
}

/** The body of the action's route: the message as served and its signature. */
export class SignedEarlyPayment extends SignedBody {
  @ApiProperty({ type: EarlyPaymentMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => EarlyPaymentMessage)
  message!: EarlyPaymentMessage;
}

/** What a client asks the typed data for. */
export class EarlyPaymentIntent extends RoscaIntent {
  @ApiProperty({ example: 0, description: 'uint32: the open round (0-based)' })
  @IsInt()
  @Min(0)
  @Max(4_294_967_295)
  round!: number;
}
