import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ADMIN_LIMITS } from '@ayllu/domain';

export const ISO_INSTANT_FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

export class CreateAdminKeyRequest {
  @ApiProperty({ example: 'treasury ops', maxLength: ADMIN_LIMITS.keyNameMaxLength, description: 'Unique among the DAO’s live keys' })
  @IsString()
  @Length(1, ADMIN_LIMITS.keyNameMaxLength)
  name!: string;

  @ApiPropertyOptional({
    example: '2027-03-01T00:00:00Z',
    description: `An instant in UTC (ISO 8601, \`Z\`), ${ADMIN_LIMITS.keyMinLifetimeSeconds} s to ${ADMIN_LIMITS.keyMaxLifetimeSeconds / 86400} days ahead; default 90 days`,
  })
  @IsOptional()
  @IsString()
  @Matches(ISO_INSTANT_FIELDS, { message: 'must be an ISO 8601 instant in UTC, e.g. 2027-03-01T00:00:00Z' })
  expiresAt?: string;
}
