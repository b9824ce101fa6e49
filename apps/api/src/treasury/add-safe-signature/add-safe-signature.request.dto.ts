import { ApiProperty } from '@nestjs/swagger';
import type { Hex } from 'viem';
import { IsHexAddress, IsSignature } from '../../shared/validation/validators';

export class AddSafeSignatureRequest {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The treasurer (a current owner of the Safe)' })
  @IsHexAddress()
  signer!: string;

  @ApiProperty({
    description:
      "65-byte EIP-712 signature (r‖s‖v, v 27 or 28; 0/1 and a high s are rewritten to that form) over the transaction's typed data",
  })
  @IsSignature()
  signature!: Hex;
}
