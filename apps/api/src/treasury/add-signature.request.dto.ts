import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class AddSafeSignatureRequest {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The treasurer (a current owner of the Safe)' })
  @IsString()
  @Matches(/^0x[0-9a-fA-F]{40}$/, { message: 'signer must be a 0x-prefixed 20-byte address' })
  signer!: string;

  @ApiProperty({ description: "65-byte EIP-712 signature (r‖s‖v, v 27 or 28) over the transaction's typed data" })
  @IsString()
  @Matches(/^0x[0-9a-fA-F]{130}$/, { message: 'signature must be 0x followed by 65 bytes of hex' })
  signature!: `0x${string}`;
}
