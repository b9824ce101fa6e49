import { reviveBigints } from './json-codec';
import type { EventMetadata, RecordedEvent } from './types';

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  version: row.version,
  position: BigInt(row.global_position),
  transactionId: BigInt(row.transaction_id),
  type: row.type,
  data: reviveBigints(row.data),
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});
