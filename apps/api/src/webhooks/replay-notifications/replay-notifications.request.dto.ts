import { ApiProperty } from '@nestjs/swagger';
import { INT64_MAX, IsUintString } from '../../shared/validation/validators';

export class ReplayRequest {
  @ApiProperty({ example: '1042', description: 'Log position to replay from (inclusive), as a decimal string' })
  @IsUintString({ min: 1n, max: INT64_MAX })
  since!: string;
}
