import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Hex } from 'viem';
import { IsHexAddress } from '../../shared/validation/validators';

export class AddSafeSignatureRequest {
  @ApiProperty({
    example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    description: 'The treasurer: a current owner of the Safe, an account or a contract (e.g. another Safe)',
  })
  @IsHexAddress()
  signer!: string;

  @ApiProperty({
    description:
      "From an owner account: the 65-byte EIP-712 signature (r‖s‖v, v 27 or 28; 0/1 and a high s are rewritten to that form) over the transaction's `typedData`. " +
      "From an owner contract (EIP-1271): the bytes its `isValidSignature(bytes, bytes)` accepts for the transaction's encoded data; for an owner Safe, " +
      "its own owners' EIP-712 signatures over `contractOwners[].typedData`, concatenated as that Safe reads them (sorted by owner). At most 4,096 bytes.",
  })
  @Matches(/^0x(?:[0-9a-fA-F]{2}){0,4096}$/, { message: 'must be 0x-prefixed hex bytes (at most 4,096 bytes)' })
  signature!: Hex;
}
