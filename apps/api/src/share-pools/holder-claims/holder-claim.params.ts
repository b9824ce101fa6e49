import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsHexAddress } from '../../shared/validation/validators';

/** `/v1/daos/:id/share-pools/:poolId/holders/:address/...`: the holder in any letter case; answered checksummed. */
export class HolderRouteParams {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  id!: string;

  @ApiProperty({ example: 'share_0193a1b2c3d4e5f60718293a4b5c' })
  @IsString()
  poolId!: string;

  @ApiProperty({ example: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', description: 'Any letter case' })
  @IsHexAddress()
  address!: string;
}
