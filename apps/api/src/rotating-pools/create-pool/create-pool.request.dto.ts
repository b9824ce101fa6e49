import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ROSCA_DEFAULTS, ROSCA_LIMITS, ROTATION_METHODS } from '@ayllu/domain';
import { IsChainInteger } from '../../shared/validation/validators';

const L = ROSCA_LIMITS;

/** A whole number within the domain's bounds, documented with the bounds it is checked against. */
const Integer =
  (required: boolean, min: number, max: number, doc: { default?: number; example?: number; description?: string } = {}) =>
  (target: object, key: string | symbol): void => {
    (required ? ApiProperty : ApiPropertyOptional)({ minimum: min, maximum: max, ...doc })(target, key);
    if (!required) IsOptional()(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };

/**
 * The body of `POST /v1/daos/:id/rotating-pools`: the seed's creation parameters. The DAO and its Safe (the
 * organiser) come from the route, never the body. Shapes and bounds are checked here (400 naming each field);
 * what needs the whole configuration (the start date's format, a grace period within the interval, a fee a
 * payout can hold back) the domain refuses with a 422 naming the field (validateRoscaConfiguration).
 */
export class CreateRotatingPoolRequest {
  @ApiProperty({
    example: '100000000000000000000',
    description: 'Paid by every member every round: uint256, smallest unit, decimal string',
  })
  @IsChainInteger('uint256')
  contributionAmount!: string;

  @Integer(true, L.rotationIntervalSeconds.min, L.rotationIntervalSeconds.max, { example: 7 * 24 * 3600 })
  rotationIntervalSeconds!: number;

  @Integer(true, L.memberCount.min, L.memberCount.max, { example: 5, description: 'Members, and rounds' })
  memberCount!: number;

  @ApiProperty({ example: '2027-01-04T12:00:00Z', description: 'ISO-8601 UTC: round 0 is due then (or at the start, if later)' })
  @IsString()
  @MaxLength(40)
  startDate!: string;

  @Integer(false, 0, L.collateralPercent.max, {
    default: ROSCA_DEFAULTS.collateralPercent,
    description: 'Whole percent of the total pot each member locks on joining',
  })
  collateralPercent?: number;

  @Integer(false, 0, L.gracePeriodSeconds.max, { default: ROSCA_DEFAULTS.gracePeriodSeconds })
  gracePeriodSeconds?: number;

  @Integer(false, 0, L.penaltyRateBps.max, {
    default: ROSCA_DEFAULTS.penaltyRateBps,
    description: 'Basis points of the contribution per started late week after the grace period',
  })
  penaltyRateBps?: number;

  @ApiPropertyOptional({ default: ROSCA_DEFAULTS.allowEmergencyExit })
  @IsOptional()
  @IsBoolean()
  allowEmergencyExit?: boolean;

  @Integer(false, 0, L.earlyExitPenaltyBps.max, { default: ROSCA_DEFAULTS.earlyExitPenaltyBps })
  earlyExitPenaltyBps?: number;

  @Integer(false, 0, L.platformFeeBps.max, { default: ROSCA_DEFAULTS.platformFeeBps })
  platformFeeBps?: number;

  @ApiPropertyOptional({ enum: ROTATION_METHODS, default: ROSCA_DEFAULTS.rotationMethod })
  @IsOptional()
  @IsIn(ROTATION_METHODS)
  rotationMethod?: string;
}
