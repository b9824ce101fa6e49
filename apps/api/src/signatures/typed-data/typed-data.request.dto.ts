import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { PROPOSAL_LIMITS, PROPOSAL_TYPES } from '@ayllu/domain';
import { VOTE_CHOICES } from '../../proposals/cast-vote/cast-vote.request.dto';
import { IsHexAddress, IsOneLine, IsChainInteger } from '../../shared/validation/validators';

/** Every intent may ask for its own deadline; the default is one hour from now, the maximum 24 h. */
class Intent {
  @ApiPropertyOptional({ example: 1767225600, description: 'uint64 unix seconds; default now + 3600, at most now + 86400' })
  @IsOptional()
  @IsInt()
  @Min(0)
  deadline?: number;
}

export class JoinIntent extends Intent {
  @ApiProperty({ example: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' })
  @IsHexAddress()
  address!: string;
}

export class ProposalIntent extends Intent {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  proposer!: string;

  @ApiProperty({ enum: PROPOSAL_TYPES, example: 'WITHDRAW_FUNDS' })
  @IsIn(PROPOSAL_TYPES)
  type!: string;

  @ApiProperty({ example: 'Pay the auditor', maxLength: PROPOSAL_LIMITS.titleMaxLength })
  @IsString()
  @Length(1, PROPOSAL_LIMITS.titleMaxLength)
  @IsOneLine()
  title!: string;

  @ApiPropertyOptional({
    example: 'Invoice 2026-04, audit of the vault upgrade',
    maxLength: PROPOSAL_LIMITS.descriptionMaxLength,
    default: '',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.descriptionMaxLength)
  description?: string;

  @ApiProperty({
    example: { recipient: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc', amount: '2500000000000000000000' },
    description:
      'ADD_MEMBER `{ member, units? }`; REMOVE_MEMBER `{ member, reason }`; WITHDRAW_FUNDS `{ recipient, amount }`; ' +
      'CHANGE_PARAMETERS `{ changes }`; CHANGE_STRATEGY `{ strategy }`; DISTRIBUTE_YIELDS `{ mode, flowRatePerSecond?, amount? }`; ' +
      'UPGRADE_CONTRACT `{ implementation }`. Amounts are decimal strings. The typed data carries it as canonical JSON text.',
  })
  @IsObject()
  payload!: Record<string, unknown>;
}

export class ProposalCancellationIntent extends Intent {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The member who submitted the proposal' })
  @IsHexAddress()
  proposer!: string;

  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  @Length(1, 64)
  proposalId!: string;
}

export class VoteIntent extends Intent {
  @ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' })
  @IsHexAddress()
  voter!: string;

  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  @Length(1, 64)
  proposalId!: string;

  @ApiProperty({ enum: [...VOTE_CHOICES] })
  @IsIn(VOTE_CHOICES)
  support!: (typeof VOTE_CHOICES)[number];

  @ApiPropertyOptional({ example: 'Better yield, same risk', maxLength: PROPOSAL_LIMITS.voteReasonMaxLength, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.voteReasonMaxLength)
  reason?: string;
}

export class WithdrawalIntent extends Intent {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: '5000000000000000000', description: 'Smallest token unit, decimal string' })
  @IsChainInteger('uint256')
  amount!: string;
}

export class EmergencyExitIntent extends Intent {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  member!: string;
}
