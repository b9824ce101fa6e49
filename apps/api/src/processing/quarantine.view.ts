import { ApiProperty } from '@nestjs/swagger';
import type { Pool, PoolClient } from 'pg';

/** A stream a worker processor set aside because one of its events kept failing. */
export class QuarantineView {
  @ApiProperty({ example: 'proposals', description: 'The processor (projection, outbox, ...) that stopped applying the stream' })
  processor!: string;
  @ApiProperty({ example: 'proposal-b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) stream!: string;
  @ApiProperty({ nullable: true, type: String, example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string | null;
  @ApiProperty({ example: 'VoteCast', description: 'The type of the event that failed' }) eventType!: string;
  @ApiProperty({ example: '10452', description: 'The log position of the event that failed' }) logPosition!: string;
  @ApiProperty({ example: 'TypeError: Cannot convert undefined to a BigInt', description: 'The error, truncated' }) reason!: string;
  @ApiProperty({ example: '2026-11-26T12:00:00.000Z' }) since!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set once an admin asked to resume; the worker replays on its next pass' })
  resumeRequestedAt!: string | null;
}

interface QuarantineRow {
  processor: string;
  stream_id: string;
  dao_id: string | null;
  event_type: string;
  event_position: string;
  reason: string;
  quarantined_at: Date;
  resume_requested_at: Date | null;
}

export const QUARANTINE_COLUMNS = 'processor, stream_id, dao_id, event_type, event_position, reason, quarantined_at, resume_requested_at';

export const quarantineView = (row: QuarantineRow): QuarantineView => ({
  processor: row.processor,
  stream: row.stream_id,
  daoId: row.dao_id,
  eventType: row.event_type,
  logPosition: String(row.event_position),
  reason: row.reason,
  since: row.quarantined_at.toISOString(),
  resumeRequestedAt: row.resume_requested_at?.toISOString() ?? null,
});

export const listQuarantines = async (db: Pool | PoolClient): Promise<QuarantineView[]> =>
  (
    await db.query<QuarantineRow>(`SELECT ${QUARANTINE_COLUMNS} FROM processor_quarantines ORDER BY quarantined_at, processor, stream_id`)
  ).rows.map(quarantineView);

export type { QuarantineRow };
