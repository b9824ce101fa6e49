import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

/** The signed message of this action (see ACTION_SCHEMAS); the member signs it as served by the typed-data route. */
export class PlaceBidMessage extends RoscaMessage {
  @ApiProperty({ example: 0, description: 'uint32: the open round (0-based)' })
  @IsInt()
  @Min(0)
  @Max(4_294_967_295)
  round!: number;

  @ApiProperty({ example: 500, description: 'uint16: the discount on the pot the member accepts, in basis points (0 to 10000)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  discountBps!: number;
}

/** The body of the action's route: the message as served and its signature. */
export class SignedPlaceBid extends SignedBody {
  @ApiProperty({ type: PlaceBidMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceBidMessage)
  message!: PlaceBidMessage;
}

/** What a client asks the typed data for. */
export class PlaceBidIntent extends RoscaIntent {
  @ApiProperty({ example: 0, description: 'uint32: the open round (0-based)' })
  @IsInt()
  @Min(0)
  @Max(4_294_967_295)
  round!: number;

  @ApiProperty({ example: 500, description: 'uint16: the discount on the pot the member accepts, in basis points (0 to 10000)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  discountBps!: number;
}
