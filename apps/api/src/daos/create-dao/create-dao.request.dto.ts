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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ADDRESS_MESSAGE = 'must be a 0x-prefixed, EIP-55 checksummed address';
const UINT = /^(0|[1-9]\d{0,77})$/;

export class ApprovalThresholds {
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) ADD_MEMBER?: number;
  @ApiPropertyOptional({ example: 6000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) REMOVE_MEMBER?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) WITHDRAW_FUNDS?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) CHANGE_PARAMETERS?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) CHANGE_STRATEGY?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) DISTRIBUTE_YIELDS?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(1) @Max(10000) UPGRADE_CONTRACT?: number;
}

/** The body of `POST /v1/daos`. Only `name` is required; the domain's defaults (DAO_DEFAULTS) fill the rest. */
export class CreateDaoRequest {
  @ApiProperty({ example: 'Lima Savers Circle', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'Neighbourhood savings pool', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed', 'hybrid'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed', 'hybrid'])
  access?: 'open' | 'closed' | 'hybrid';

  @ApiPropertyOptional({ enum: ['democratic', 'weighted'], default: 'democratic' })
  @IsOptional()
  @IsIn(['democratic', 'weighted'])
  votingType?: 'democratic' | 'weighted';

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 5100, description: 'Quorum in basis points of the eligible weight' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  quorumBps?: number;

  @ApiPropertyOptional({ minimum: 60, default: 259200 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(90 * 24 * 3600)
  votingPeriodSeconds?: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() earlyClose?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() allowVoteChange?: boolean;

  @ApiPropertyOptional({ example: '50000000000000000000', description: 'Smallest token unit, as a decimal string', default: '0' })
  @IsOptional()
  @IsString()
  @Matches(UINT, { message: 'must be a non-negative integer written as a decimal string' })
  minimumDeposit?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 }) @IsOptional() @IsInt() @Min(1) @Max(1000) maxMembers?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxActiveProposals?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  smallWithdrawalLimitBps?: number;
  @ApiPropertyOptional({ minimum: 0, default: 604800 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365 * 24 * 3600)
  emergencyExitWaitSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, default: 1000 }) @IsOptional() @IsInt() @Min(0) @Max(1000) platformFeeBps?: number;

  @ApiPropertyOptional({ enum: ['compound', 'distribute', 'treasury'], default: 'compound' })
  @IsOptional()
  @IsIn(['compound', 'distribute', 'treasury'])
  yieldMode?: 'compound' | 'distribute' | 'treasury';

  @ApiPropertyOptional({ minimum: 0, default: 172800 }) @IsOptional() @IsInt() @Min(0) @Max(365 * 24 * 3600) timelockDelaySeconds?: number;
  @ApiPropertyOptional({ minimum: 60, default: 604800 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(365 * 24 * 3600)
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
    description: 'Founding members (ACTIVE)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(ADDRESS, { each: true, message: ADDRESS_MESSAGE })
  founders?: string[];

  @ApiPropertyOptional({ type: [String], example: ['0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'], description: 'Owners of the DAO Safe' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(ADDRESS, { each: true, message: ADDRESS_MESSAGE })
  treasurers?: string[];

  @ApiPropertyOptional({ minimum: 1, example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(20) treasurerThreshold?: number;

  @ApiPropertyOptional({ example: '0x90F79bf6EB2c4f870365E785982E1f101E93b906' })
  @IsOptional()
  @IsString()
  @Matches(ADDRESS, { message: ADDRESS_MESSAGE })
  feeCollector?: string;
}
