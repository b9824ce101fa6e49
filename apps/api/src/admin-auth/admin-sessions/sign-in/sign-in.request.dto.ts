import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class SignInRequest {
  @ApiProperty({ description: 'The EIP-4361 message `POST …/admin-sessions/nonce` served, unchanged' })
  @IsString()
  @MaxLength(4000)
  message!: string;

  @ApiProperty({
    example: `0x${'ab'.repeat(65)}`,
    description: 'The wallet’s `personal_sign` of the message (65 bytes from a key; longer from a contract wallet)',
  })
  @IsString()
  @Matches(/^0x(?:[0-9a-fA-F]{2}){65,4096}$/, { message: 'must be a 0x-prefixed hex signature of at least 65 bytes' })
  signature!: string;
}
