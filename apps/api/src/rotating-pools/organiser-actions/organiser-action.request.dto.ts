import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DAO_LIMITS, ROSCA_LIMITS } from '@ayllu/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsHexAddress, IsOneLine } from '../../shared/validation/validators';

export const ORGANISER_ACTIONS = ['start', 'pause', 'resume'] as const;

/** What a DAO admin asks the DAO's Safe to do to one of its rotating pools; the treasurers then sign it. */
export class OrganiserActionRequest {
  @ApiProperty({ enum: ORGANISER_ACTIONS, example: 'pause' })
  @IsIn(ORGANISER_ACTIONS)
  action!: (typeof ORGANISER_ACTIONS)[number];

  @ApiPropertyOptional({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'],
    description:
      "`start` of a `manual` pool: every member once, first recipient first (EIP-55 checksummed). Other methods start on the log's order",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROSCA_LIMITS.memberCount.max)
  @IsHexAddress({ each: true })
  order?: string[];

  @ApiPropertyOptional({ example: 'A member reported a compromised wallet', description: '`pause`: why (required for a pause)' })
  @IsOptional()
  @IsString()
  @IsOneLine()
  @Length(1, DAO_LIMITS.reasonMaxLength)
  reason?: string;
}
