import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Suspension, reinstatement and veto are recorded with the admin's reason. */
export class ReasonRequest {
  @ApiProperty({ example: 'Repeated spam proposals; see ticket 42', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
