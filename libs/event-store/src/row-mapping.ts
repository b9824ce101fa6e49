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

/** An event as read: `data` is decoded from the stored JSON. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => recordedEvent(row, reviveBigints(row.data));

/**
 * An event from its row and its data as the domain gave it (the append path: the data was never
 * encoded, so decoding it would read a client's `$` keys as the codec's own).
 */
export const recordedEvent = (row: Omit<EventRow, 'data'>, data: unknown): RecordedEvent => ({
  streamId: row.stream_id,
  version: row.version,
  position: BigInt(row.global_position),
  transactionId: BigInt(row.transaction_id),
  type: row.type,
  data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});
