import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DAO_DEFAULTS, DAO_LIMITS, type ProposalType } from '@ayllu/domain';
import { IsChainInteger, IsHexAddress } from '../../shared/validation/validators';

const L = DAO_LIMITS;

/** An optional whole number within a domain range, documented with the same bounds it is checked against. */
const OptionalInteger =
  (range: { readonly min: number; readonly max: number }, doc: { default?: number; example?: number; description?: string } = {}) =>
  (target: object, key: string | symbol): void => {
    ApiPropertyOptional({ minimum: range.min, maximum: range.max, ...doc })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(range.min)(target, key);
    Max(range.max)(target, key);
  };

const threshold = (type: ProposalType) => OptionalInteger(L.bps, { example: DAO_DEFAULTS.approvalThresholdBps[type] });

/** Basis points of (for + against) that FOR must exceed, per proposal type. */
export class ApprovalThresholds {
  @threshold('ADD_MEMBER') ADD_MEMBER?: number;
  @threshold('REMOVE_MEMBER') REMOVE_MEMBER?: number;
  @threshold('WITHDRAW_FUNDS') WITHDRAW_FUNDS?: number;
  @threshold('CHANGE_PARAMETERS') CHANGE_PARAMETERS?: number;
  @threshold('CHANGE_STRATEGY') CHANGE_STRATEGY?: number;
  @threshold('DISTRIBUTE_YIELDS') DISTRIBUTE_YIELDS?: number;
  @threshold('UPGRADE_CONTRACT') UPGRADE_CONTRACT?: number;
}

/**
 * The body of `POST /v1/daos`. Only `name` is required; the domain's defaults (DAO_DEFAULTS) fill the rest.
 * Bounds are the domain's (DAO_LIMITS). What a DTO cannot see (EIP-55 checksums, duplicates, a threshold
 * above the number of treasurers) the domain refuses with a 422 naming the field.
 */
export class CreateDaoRequest {
  @ApiProperty({ example: 'Lima Savers Circle', minLength: 1, maxLength: L.nameMaxLength })
  @IsString()
  @Length(1, L.nameMaxLength)
  name!: string;

  @ApiPropertyOptional({ example: 'Neighbourhood savings pool', maxLength: L.descriptionMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.descriptionMaxLength)
  description?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed', 'hybrid'], default: DAO_DEFAULTS.access })
  @IsOptional()
  @IsIn(['open', 'closed', 'hybrid'])
  access?: 'open' | 'closed' | 'hybrid';

  @ApiPropertyOptional({ enum: ['democratic', 'weighted'], default: DAO_DEFAULTS.votingType })
  @IsOptional()
  @IsIn(['democratic', 'weighted'])
  votingType?: 'democratic' | 'weighted';

  @OptionalInteger(L.bps, { default: DAO_DEFAULTS.quorumBps, description: 'Quorum in basis points of the eligible weight' })
  quorumBps?: number;

  @OptionalInteger(L.votingPeriodSeconds, { default: DAO_DEFAULTS.votingPeriodSeconds })
  votingPeriodSeconds?: number;

  @ApiPropertyOptional({ default: DAO_DEFAULTS.earlyClose }) @IsOptional() @IsBoolean() earlyClose?: boolean;
  @ApiPropertyOptional({ default: DAO_DEFAULTS.allowVoteChange }) @IsOptional() @IsBoolean() allowVoteChange?: boolean;

  @ApiPropertyOptional({
    example: '50000000000000000000',
    description: 'Smallest token unit, as a decimal string, at most 2^256 - 1 (uint256; above it: 422)',
    default: '0',
  })
  @IsOptional()
  @IsChainInteger('uint256')
  minimumDeposit?: string;

  @OptionalInteger(L.maxMembers, { default: DAO_DEFAULTS.maxMembers })
  maxMembers?: number;

  @OptionalInteger(L.maxActiveProposals, { default: DAO_DEFAULTS.maxActiveProposals })
  maxActiveProposals?: number;

  @OptionalInteger(L.smallWithdrawalLimitBps, { default: DAO_DEFAULTS.smallWithdrawalLimitBps })
  smallWithdrawalLimitBps?: number;

  @OptionalInteger(L.emergencyExitWaitSeconds, { default: DAO_DEFAULTS.emergencyExitWaitSeconds })
  emergencyExitWaitSeconds?: number;

  @OptionalInteger(L.platformFeeBps, { default: DAO_DEFAULTS.platformFeeBps })
  platformFeeBps?: number;

  @ApiPropertyOptional({ enum: ['compound', 'distribute', 'treasury'], default: DAO_DEFAULTS.yieldMode })
  @IsOptional()
  @IsIn(['compound', 'distribute', 'treasury'])
  yieldMode?: 'compound' | 'distribute' | 'treasury';

  @OptionalInteger(L.timelockDelaySeconds, { default: DAO_DEFAULTS.timelockDelaySeconds })
  timelockDelaySeconds?: number;

  @OptionalInteger(L.executionWindowSeconds, { default: DAO_DEFAULTS.executionWindowSeconds })
  executionWindowSeconds?: number;

  @ApiPropertyOptional({ type: ApprovalThresholds })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApprovalThresholds)
  approvalThresholdBps?: ApprovalThresholds;

  @ApiPropertyOptional({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    description: 'Founding members (ACTIVE), EIP-55 checksummed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxMembers.max)
  @IsHexAddress({ each: true })
  founders?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'],
    description: 'Owners of the DAO Safe, EIP-55 checksummed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxTreasurers)
  @IsHexAddress({ each: true })
  treasurers?: string[];

  @OptionalInteger({ min: 1, max: L.maxTreasurers }, { example: 1 })
  treasurerThreshold?: number;

  @ApiPropertyOptional({ example: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', description: 'EIP-55 checksummed' })
  @IsOptional()
  @IsHexAddress()
  feeCollector?: string;

  @ApiPropertyOptional({
    example: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    description:
      "The ERC-20 the DAO's vault holds, EIP-55 checksummed: one of the network profile's tokens (each has the Super Token " +
      "payouts stream in); 422 naming `asset` and listing the offered tokens otherwise. Absent: the profile's first token.",
  })
  @IsOptional()
  @IsHexAddress()
  asset?: string;

  @ApiPropertyOptional({
    example: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    description:
      'An existing Safe (1.3+) to attach instead of deploying a new one, EIP-55 checksummed. Needs a configured network (422 ' +
      'without one; 503 `CHAIN.UNAVAILABLE` with Retry-After when the node does not answer). Its owners and threshold are the ' +
      'treasurers: `treasurers` / `treasurerThreshold` left out take them; given, they must be the same set and threshold (422 ' +
      '`DAO.SAFE_MISMATCH` naming both otherwise). An address that is not a Safe: 422 `DAO.NOT_A_SAFE`. After deployment the ' +
      "treasurers sign one Safe transaction (purpose `enable_module`) enabling the DAO's timelock module; proposals wait for it.",
  })
  @IsOptional()
  @IsHexAddress()
  safe?: string;
}
