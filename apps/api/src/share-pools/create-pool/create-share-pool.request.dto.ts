import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DISTRIBUTION_TYPES, SHARE_POOL_DEFAULTS, SHARE_POOL_LIMITS, VISIBILITIES, WAYS_TO_ACCESS } from '@ayllu/domain';
import { IsChainInteger, IsHexAddress } from '../../shared/validation/validators';

const L = SHARE_POOL_LIMITS;
const ISO_DOC = 'ISO-8601 UTC instant';

/**
 * The body of `POST /v1/daos/:id/share-pools`: the seed's metadata by full name. The DAO and its Safe (the creator)
 * come from the route. Shapes are checked here (400 naming each field); the domain checks the whole configuration
 * (422 naming each field: a way in and the terms it needs, amounts, tokens, conditions, instants ahead).
 */
export class CreateSharePoolRequest {
  @ApiProperty({ example: 'Token Studio community solar', maxLength: L.name.max }) @IsString() @MaxLength(L.name.max) name!: string;
  @ApiProperty({ example: 'SOLAR', maxLength: L.ticker.max, description: 'Upper-case letters and digits' })
  @IsString()
  @MaxLength(L.ticker.max)
  ticker!: string;

  @ApiPropertyOptional({ default: SHARE_POOL_DEFAULTS.description, maxLength: L.description.max })
  @IsOptional()
  @IsString()
  @MaxLength(L.description.max)
  description?: string;

  @ApiPropertyOptional({ default: 0, description: 'Most shareholders (the creator counts while holding shares); 0 = unlimited' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxParticipants?: number;

  @ApiPropertyOptional({
    enum: VISIBILITIES,
    default: SHARE_POOL_DEFAULTS.visibility,
    description:
      "`public`: listed, and anyone meeting the access conditions may act; `private`: not listed, and only the DAO's active members act",
  })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: string;

  @ApiProperty({ enum: WAYS_TO_ACCESS, example: 'buy' }) @IsIn(WAYS_TO_ACCESS) wayToAccess!: string;

  @ApiPropertyOptional({ enum: DISTRIBUTION_TYPES, default: SHARE_POOL_DEFAULTS.distributionType })
  @IsOptional()
  @IsIn(DISTRIBUTION_TYPES)
  distributionType?: string;

  @ApiPropertyOptional({ example: '12.5', description: 'Projected annual return in percent, display only' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  estimatedApr?: string;

  @ApiPropertyOptional({ description: "The Superfluid super token distributions are paid in; default: the DAO's payout token" })
  @IsOptional()
  @IsHexAddress()
  distributionToken?: string;

  @ApiPropertyOptional({ description: 'The ERC-20 shares are bought or crowdfunded with (required for buy and crowdfunding)' })
  @IsOptional()
  @IsHexAddress()
  purchaseToken?: string;

  @ApiPropertyOptional({ example: '2027-06-30T00:00:00Z', description: `${ISO_DOC}: from then on the pool takes no one new` })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  expiration?: string;

  @ApiProperty({ example: 3000, description: "Shares the creator (the DAO's Safe) holds from the start, 0 to 9,999" })
  @IsInt()
  creatorShares!: number;

  @ApiPropertyOptional({ example: '1000000000000000000', description: 'Purchase-token wei per share (buy pools): uint256 decimal string' })
  @IsOptional()
  @IsChainInteger('uint256')
  pricePerShare?: string;

  @ApiPropertyOptional({ default: SHARE_POOL_DEFAULTS.transfersAllowed })
  @IsOptional()
  @IsBoolean()
  transfersAllowed?: boolean;

  @ApiPropertyOptional({
    example: { target: '5000000000000000000000', deadline: '2027-03-01T00:00:00Z' },
    description: `Crowdfunding pools: { target (purchase-token wei, decimal string), deadline (${ISO_DOC}) }`,
  })
  @IsOptional()
  @IsObject()
  crowdfunding?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: { token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', ratePerTokenSecond: '11574074074074' },
    description: 'Staking pools: { token, ratePerTokenSecond (shares × 10^36 per token-wei per second, decimal string) }',
  })
  @IsOptional()
  @IsObject()
  staking?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: [
      { kind: 'allowlist', addresses: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] },
      { kind: 'minimumBalance', token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', amount: '1000' },
    ],
    description: 'Every condition must pass for a newcomer. `minimumBalance` is read on chain when the member acts',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.accessConditions.max)
  @IsObject({ each: true })
  accessConditions?: Record<string, unknown>[];
}

const INTEGER = /^(0|[1-9]\d{0,77})$/;
/** A decimal string as the domain's bigint; anything else stays as it is, for the domain to refuse naming the field. */
export const wei = (value: unknown): unknown => (typeof value === 'string' && INTEGER.test(value) ? BigInt(value) : value);
