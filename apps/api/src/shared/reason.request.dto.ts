import { ApiProperty } from '@nestjs/swagger';
import { DAO_LIMITS } from '@ayllu/domain';
import { IsString, Length } from 'class-validator';

/** Suspension, reinstatement and veto are recorded with the admin's reason. */
export class ReasonRequest {
  @ApiProperty({ example: 'Repeated spam proposals; see ticket 42', minLength: 1, maxLength: DAO_LIMITS.reasonMaxLength })
  @IsString()
  @Length(1, DAO_LIMITS.reasonMaxLength)
  reason!: string;
}
