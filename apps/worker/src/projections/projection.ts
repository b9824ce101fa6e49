import type { RecordedEvent } from '@ayllu/event-store';
import type { PoolClient } from 'pg';

/**
 * A read model kept from the log. `apply` runs inside the runner's transaction, which also moves the
 * checkpoint: write through the given client only, and never commit.
 */
export interface Projection {
  readonly name: string;
  /** Tables this projection owns; a rebuild truncates them. */
  readonly tables: readonly string[];
  apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void>;
}

/** Plain JSON for read models and API answers: bigint becomes a decimal string. */
export const toPlainJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
