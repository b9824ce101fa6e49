/** Metadata every stored event carries (the event store rules: ids, causation, correlation, actor, idempotency key, time). */
export interface EventMetadata {
  readonly eventId: string;
  readonly causationId: string | null;
  readonly correlationId: string;
  /** Who acted: a checksummed address, an admin (`admin:platform`, `admin-key:<key id>`, `siwe:<address>`) or `system:<component>`. Never a secret. */
  readonly actor: string;
  /** The Idempotency-Key of the request that caused the event, if it had one. */
  readonly idempotencyKey: string | null;
  /** When the command was judged (the domain's `now`); `recordedAt` on the row is the database's clock. */
  readonly occurredAt: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Where a reader stands in the log. Events are read in (transactionId, position) order: a transaction that
 * took its position earlier but commits later still sorts before later transactions, and readers only see
 * transactions older than every transaction still open, so nothing is skipped (READ_ALL_SQL in append-sql.ts).
 */
export interface Checkpoint {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const START: Checkpoint = { transactionId: 0n, position: 0n };

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly streamId: string;
  /** 1-based version of the event within its stream. */
  readonly version: number;
  /** The global position: unique and increasing in allocation order; the public log position. */
  readonly position: bigint;
  readonly transactionId: bigint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/**
 * The recorded form of each event of a union, so that checking `type` narrows `data`:
 * `RecordedEventOf<A | B>` is `RecordedEvent<A['type'], A['data']> | RecordedEvent<B['type'], B['data']>`.
 */
export type RecordedEventOf<E extends NewEvent> = E extends NewEvent ? RecordedEvent<E['type'], E['data']> : never;

/** The stream's version before an append: a number, 'no-stream', or 'any' (no check). */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface StreamWrite {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

export interface AppendContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly occurredAt: string;
  /** Makes the append happen at most once per key. A retry returns the first result and appends nothing. */
  readonly idempotency?: IdempotencyRequest;
}

export interface IdempotencyRequest {
  /** Already scoped by the caller (e.g. `admin-key:<key id>:<header value>`). */
  readonly key: string;
  /** Hash of what was asked; the same key with another request is refused. */
  readonly fingerprint: string;
  /** What the caller answers for this request, stored with the key and returned on a retry. */
  readonly response: unknown;
}

export interface AppendResult {
  /** False when the idempotency key had been used: nothing was appended this time. */
  readonly appended: boolean;
  readonly events: readonly RecordedEvent[];
  /** The stored response of the first request with this idempotency key (or the given one). */
  readonly response: unknown;
}
