import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TOTAL_SHARES } from '@ayllu/domain';
import { IsChainInteger, IsHexAddress } from '../../shared/validation/validators';

export const CREATOR_ACTIONS = ['assign', 'distribute', 'stream', 'pause', 'resume', 'operator'] as const;

/** What a DAO admin asks the DAO's Safe, the pool's creator, to do; the treasurers then sign it. */
export class SharePoolCreatorActionRequest {
  @ApiProperty({
    enum: CREATOR_ACTIONS,
    example: 'assign',
    description:
      "`assign`: `shares` to `to` (an airdrop; approves `to`'s open join request); `distribute`: `amount` of the distribution " +
      'token at once; `stream`: `flowRate` per second (0 stops the stream); `pause` / `resume`: stop or reopen the ' +
      "pool's ways in and transfers (unstaking, finalizing and claims go on); `operator`: replace the relayer key the " +
      'pool takes operator calls from with `operator`',
  })
  @IsIn(CREATOR_ACTIONS)
  action!: (typeof CREATOR_ACTIONS)[number];

  @ApiPropertyOptional({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: '`assign`: the recipient (any case)' })
  @IsOptional()
  @IsHexAddress()
  to?: string;

  @ApiPropertyOptional({ example: 500, minimum: 1, maximum: TOTAL_SHARES, description: '`assign`: whole shares' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TOTAL_SHARES)
  shares?: number;

  @ApiPropertyOptional({ example: '1000000000000000000000', description: '`distribute`: distribution-token wei, decimal string' })
  @IsOptional()
  @IsChainInteger('uint256', 1n)
  amount?: string;

  @ApiPropertyOptional({ example: '385802469135802', description: '`stream`: wei per second (int96), decimal string; 0 stops it' })
  @IsOptional()
  @IsChainInteger('int96', 0n)
  flowRate?: string;

  @ApiPropertyOptional({
    example: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    description: '`operator`: the new operator (any case; not the zero address)',
  })
  @IsOptional()
  @IsHexAddress()
  operator?: string;
}
