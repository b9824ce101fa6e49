import { ApiProperty } from '@nestjs/swagger';
import type { ActiveDao } from '@ayllu/domain';

export class AdminWalletsView {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({
    type: [String],
    example: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    description: 'Checksummed; each may sign in with Ethereum as an admin of this DAO',
  })
  wallets!: string[];
}

export const adminWalletsView = (dao: ActiveDao): AdminWalletsView => ({ daoId: dao.daoId, wallets: [...dao.admins.wallets] });
