import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';

/** What a member asks typed data for: who acts on which pool; the server adds the DAO, nonce and deadline. */
export class RoscaIntent {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: 'rosca_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  @Length(1, 64)
  pool!: string;

  @ApiPropertyOptional({ example: 1767225600, description: 'uint64 unix seconds; default now + 3600, at most now + 86400' })
  @IsOptional()
  @IsInt()
  @Min(0)
  deadline?: number;
}
