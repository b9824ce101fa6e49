import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

/** The signed message of this action (see ACTION_SCHEMAS); the member signs it as served by the typed-data route. */
export class OrderVoteMessage extends RoscaMessage {
  @ApiProperty({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'],
    description: 'Every member of the pool exactly once, first recipient first',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @IsHexAddress({ each: true })
  order!: string[];
}

/** The body of the action's route: the message as served and its signature. */
export class SignedOrderVote extends SignedBody {
  @ApiProperty({ type: OrderVoteMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => OrderVoteMessage)
  message!: OrderVoteMessage;
}

/** What a client asks the typed data for. */
export class OrderVoteIntent extends RoscaIntent {
  @ApiProperty({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'],
    description: 'Every member of the pool exactly once, first recipient first',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @IsHexAddress({ each: true })
  order!: string[];
}
