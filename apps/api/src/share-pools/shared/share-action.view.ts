import { ApiProperty } from '@nestjs/swagger';
import type { SharePoolEvent, SharePoolState } from '@ayllu/domain';
import { jsonSafe } from './json-safe';

export class RecordedShareEvent {
  @ApiProperty({ example: 'SharePurchaseRequested' }) type!: string;
  @ApiProperty({
    example: { key: 'purchase-0', buyer: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', shares: 300, cost: '300000000000000000000' },
    description: 'The event as recorded; amounts as decimal strings',
  })
  data!: Record<string, unknown>;
}

/** What a member's signed action on a share pool recorded, and the pool's status after it. */
export class ShareActionView {
  @ApiProperty({ example: 'share_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The signer, checksummed' }) member!: string;
  @ApiProperty({ enum: ['CREATED', 'ACTIVE', 'DISTRIBUTING', 'COMPLETED'] }) poolStatus!: string;
  @ApiProperty({ type: [RecordedShareEvent] }) recorded!: RecordedShareEvent[];
}

export const toShareActionView = (
  daoId: string,
  poolId: string,
  member: string,
  state: SharePoolState,
  events: readonly SharePoolEvent[],
): ShareActionView => ({
  poolId,
  daoId,
  member,
  poolStatus: state.status,
  recorded: events.map((e) => ({ type: e.type, data: jsonSafe(e.data) as Record<string, unknown> })),
});
