import { ApiProperty } from '@nestjs/swagger';
import type { SharePoolConfiguration } from '@ayllu/domain';
import { jsonSafe } from '../shared/json-safe';

/** The pool as its creation recorded it (the read models catch up later). */
export class SharePoolCreatedView {
  @ApiProperty({ example: 'share_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'CREATED', description: 'The worker deploys its contract next; members act once it is deployed' })
  status!: string;
  @ApiProperty({ description: 'Every default applied; amounts as decimal strings; `creator` is the DAO Safe' })
  configuration!: Record<string, unknown>;
}

export const toSharePoolCreatedView = (poolId: string, configuration: SharePoolConfiguration): SharePoolCreatedView => ({
  poolId,
  daoId: configuration.daoId,
  status: 'CREATED',
  configuration: jsonSafe(configuration) as Record<string, unknown>,
});
