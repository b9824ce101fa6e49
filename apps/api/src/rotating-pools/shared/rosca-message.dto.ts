import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding } from '../../signatures/signed-messages.dto';

/** What every rotating-pool message carries: who acts, on which pool, and the DAO / nonce / deadline binding. */
export class RoscaMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The member acting; signs the message' })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: 'rosca_0193a1b2c3d4e5f60718293a4b5c', description: 'The pool id; must equal the route poolId' })
  @IsString()
  @Length(1, 64)
  pool!: string;
}
