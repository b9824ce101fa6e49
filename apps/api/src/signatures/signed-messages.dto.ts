import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';
import type { Hex } from 'viem';
import { IsBytes32, IsWalletSignature, MAX_WALLET_SIGNATURE_BYTES } from '../shared/validation/validators';

const EXAMPLE_NONCE = '0x5f0c7b7cbb4f2f8e2c8a4f6d0e1b3c5a7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a';
const EXAMPLE_SIGNATURE = `0x${'ab'.repeat(64)}1b`;

/**
 * What every signed message carries besides its action's fields (filled in by the typed-data endpoint).
 * Each signed write's request DTO extends it with its action's fields (see signed-actions.ts).
 */
export class MessageBinding {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c', description: 'The DAO id; must equal the route id' })
  @IsString()
  @Length(1, 64)
  dao!: string;

  @ApiProperty({ example: EXAMPLE_NONCE, description: 'bytes32, random, single use' })
  @IsBytes32()
  nonce!: string;

  @ApiProperty({ example: 1767225600, description: 'uint64 unix seconds; in the future and at most 24 h ahead' })
  @IsInt()
  @Min(0)
  deadline!: number;
}

/** The body of a signed write: the message exactly as the typed-data endpoint returned it, and its signature. */
export class SignedBody {
  @ApiProperty({
    example: EXAMPLE_SIGNATURE,
    description:
      'The EIP-712 signature of `message` by its actor: 65 bytes (r, s, v) from a key; from a contract wallet, what its ' +
      '`isValidSignature` accepts (EIP-1271), ERC-6492 wrapped if it is not deployed yet, up to ' +
      `${MAX_WALLET_SIGNATURE_BYTES} bytes. Contract wallets need the API to be connected to a chain.`,
  })
  @IsWalletSignature()
  signature!: Hex;
}
