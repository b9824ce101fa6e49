import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PROPOSAL_TYPES } from '@ayllu/domain';

export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export const UINT = /^(0|[1-9]\d{0,77})$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;
const EXAMPLE_NONCE = '0x5f0c7b7cbb4f2f8e2c8a4f6d0e1b3c5a7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a';
const EXAMPLE_SIGNATURE = `0x${'ab'.repeat(64)}1b`;

/** What every signed message carries besides its action's fields (filled in by the typed-data endpoint). */
export class MessageBinding {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c', description: 'The DAO id; must equal the route id' })
  @IsString()
  @Length(1, 64)
  dao!: string;

  @ApiProperty({ example: EXAMPLE_NONCE, description: 'bytes32, random, single use' })
  @IsString()
  @Matches(BYTES32, { message: 'must be 32 bytes of 0x-prefixed hex' })
  nonce!: string;

  @ApiProperty({ example: 1767225600, description: 'uint64 unix seconds; in the future and at most 24 h ahead' })
  @IsInt()
  @Min(0)
  deadline!: number;
}

export class JoinRequestMessage extends MessageBinding {
  @ApiProperty({ example: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' })
  @IsString()
  @Matches(ADDRESS, { message: 'must be a 0x-prefixed 20-byte address' })
  address!: string;
}

export class ProposalMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsString()
  @Matches(ADDRESS, { message: 'must be a 0x-prefixed 20-byte address' })
  proposer!: string;

  @ApiProperty({ enum: PROPOSAL_TYPES, example: 'CHANGE_STRATEGY' })
  @IsIn(PROPOSAL_TYPES as unknown as string[])
  type!: string;

  @ApiProperty({ example: 'Move idle funds to the new strategy', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'The new vault earns 4.1% and has been audited.', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({
    example: '{"strategy":"0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"}',
    description:
      'The payload as canonical JSON text (keys sorted at every depth, no whitespace, amounts as decimal strings), ' +
      'exactly as the typed-data endpoint wrote it: it is signed as an EIP-712 `string` and stored as parsed.',
  })
  @IsString()
  @MaxLength(20_000)
  payload!: string;
}

export class VoteMessage extends MessageBinding {
  @ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' })
  @IsString()
  @Matches(ADDRESS, { message: 'must be a 0x-prefixed 20-byte address' })
  voter!: string;

  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  @Length(1, 64)
  proposalId!: string;

  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  @IsIn(['for', 'against', 'abstain'])
  support!: 'for' | 'against' | 'abstain';

  @ApiProperty({ example: 'Better yield, same risk', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class WithdrawalRequestMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsString()
  @Matches(ADDRESS, { message: 'must be a 0x-prefixed 20-byte address' })
  member!: string;

  @ApiProperty({ example: '5000000000000000000', description: 'uint256 in the token smallest unit, as a decimal string' })
  @IsString()
  @Matches(UINT, { message: 'must be a non-negative integer written as a decimal string' })
  amount!: string;
}

export class EmergencyExitMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsString()
  @Matches(ADDRESS, { message: 'must be a 0x-prefixed 20-byte address' })
  member!: string;
}

class Signed {
  @ApiProperty({ example: EXAMPLE_SIGNATURE, description: '65-byte EIP-712 signature (r, s, v) of `message`' })
  @IsString()
  @Matches(SIGNATURE, { message: 'must be a 65-byte 0x-prefixed hex signature' })
  signature!: string;
}

/** Bodies of the write routes: the message exactly as returned by the typed-data endpoint, and its signature. */
export class SignedJoinRequest extends Signed {
  @ApiProperty({ type: JoinRequestMessage }) @IsObject() @ValidateNested() @Type(() => JoinRequestMessage) message!: JoinRequestMessage;
}
export class SignedProposal extends Signed {
  @ApiProperty({ type: ProposalMessage }) @IsObject() @ValidateNested() @Type(() => ProposalMessage) message!: ProposalMessage;
}
export class SignedVote extends Signed {
  @ApiProperty({ type: VoteMessage }) @IsObject() @ValidateNested() @Type(() => VoteMessage) message!: VoteMessage;
}
export class SignedWithdrawalRequest extends Signed {
  @ApiProperty({ type: WithdrawalRequestMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => WithdrawalRequestMessage)
  message!: WithdrawalRequestMessage;
}
export class SignedEmergencyExit extends Signed {
  @ApiProperty({ type: EmergencyExitMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyExitMessage)
  message!: EmergencyExitMessage;
}
