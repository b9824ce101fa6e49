import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsBytes32 } from '../../shared/validation/validators';
import { SignedBody } from '../../signatures/signed-messages.dto';
import { RoscaIntent } from '../shared/rosca-intent.dto';
import { RoscaMessage } from '../shared/rosca-message.dto';

export const ZERO_HASH = `0x${'0'.repeat(64)}`;

const COMMITMENT_DOC = 'Lottery pools: keccak256(secret ‖ member), revealed once the pool is full; other pools: the zero hash';

export class JoinPoolMessage extends RoscaMessage {
  @ApiProperty({ example: ZERO_HASH, description: COMMITMENT_DOC })
  @IsBytes32()
  commitment!: string;
}

export class SignedJoinPool extends SignedBody {
  @ApiProperty({ type: JoinPoolMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => JoinPoolMessage)
  message!: JoinPoolMessage;
}

export class JoinPoolIntent extends RoscaIntent {
  @ApiPropertyOptional({ example: ZERO_HASH, description: `${COMMITMENT_DOC} (the default)` })
  @IsOptional()
  @IsBytes32()
  commitment?: string;
}
