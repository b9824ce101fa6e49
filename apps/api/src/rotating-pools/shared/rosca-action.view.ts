import { ApiProperty } from '@nestjs/swagger';
import type { RoscaEvent, RoscaState } from '@ayllu/domain';
import { jsonSafe } from './json-safe';

export class RecordedRoscaEvent {
  @ApiProperty({ example: 'RotatingPoolJoinRequested' }) type!: string;
  @ApiProperty({
    example: { member: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', commitment: null, requestedAt: '2026-12-01T12:00:00.000Z' },
    description: 'The event as recorded; amounts as decimal strings',
  })
  data!: Record<string, unknown>;
}

/** What a member's signed action on a rotating pool recorded, and the pool's status after it. */
export class RoscaActionView {
  @ApiProperty({ example: 'rosca_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'The signer' }) member!: string;
  @ApiProperty({ enum: ['FORMING', 'ACTIVE', 'EMERGENCY', 'COMPLETED', 'DISSOLVED'] }) poolStatus!: string;
  @ApiProperty({
    type: [RecordedRoscaEvent],
    description: 'In order; empty when the action changed nothing (the same vote again), its nonce used all the same',
  })
  recorded!: RecordedRoscaEvent[];
}

export const toRoscaActionView = (
  daoId: string,
  poolId: string,
  member: string,
  state: RoscaState,
  events: readonly RoscaEvent[],
): RoscaActionView => ({
  poolId,
  daoId,
  member,
  poolStatus: state.status,
  recorded: events.map((e) => ({ type: e.type, data: jsonSafe(e.data) as Record<string, unknown> })),
});
