import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  APPEND_BATCH_SQL,
  APPEND_COMMANDS_SQL,
  APPEND_SQL,
  EVENT_COLUMNS,
  READ_ALL_SQL,
  READ_STREAMS_AFTER_SQL,
  STREAM_VERSIONS_SQL,
} from './append-sql';
import { CommitGroups, type Queued } from './commit-groups';
import { CommandCombiner, type CommandAppend } from './command-combiner';
import { ConcurrencyError, IdempotencyKeyReusedError, IdempotencyKeysClaimedError } from './errors';
import { encodeJson, reviveBigints } from './json-codec';
import { KeyLookups, type StoredKey } from './key-lookups';
import { type EventRow, recordedEvent, toRecordedEvent } from './row-mapping';
import { StreamLocks } from './stream-locks';
import { StreamStateCache } from './stream-state-cache';
import { handle, type CommandHandlerResult, type EventsOf, type HandleOptions, type StatesOf, type StreamRefs } from './handle';
import { loadStream, loadStreamWithEvents, type LoadedStream, type LoadedStreamWithEvents, type LoadOptions } from './load-stream';
import type { StreamRef } from './stream-ref';
import type {
  AppendContext,
  AppendResult,
  Checkpoint,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  StreamWrite,
} from './types';

const UNIQUE_VIOLATION = '23505';

type Queryable = Pick<Pool | PoolClient, 'query'>;
/** What APPEND_SQL returns of each event it inserted; type, data and metadata are the caller's own. */
type InsertedRow = Omit<EventRow, 'type' | 'data' | 'metadata'>;
/** An append waiting for its group commit. */
interface PendingAppend {
  readonly writes: readonly StreamWrite[];
  readonly context: AppendContext;
  readonly streams: readonly string[];
  readonly key: string | null;
}
/** One row to insert: the event, its place in its write, and the metadata it will carry. */
interface AppendRow {
  readonly write: StreamWrite;
  readonly event: NewEvent;
  readonly ord: number;
  readonly metadata: EventMetadata;
}

/** Batches of appends committing at once, and the most appends one batch holds. */
export const COMMIT_GROUPS = { maxInFlight: 4, maxBatch: 64 } as const;

const expectedAsInt = (expected: ExpectedVersion): number => (expected === 'any' ? -1 : expected === 'no-stream' ? 0 : expected);

export const EVENTS_CHANNEL = 'ayllu_events';

export class PostgresEventStore {
  /** Folded states of recently used streams (see StreamStateCache). */
  readonly stateCache = new StreamStateCache();
  /** Per-stream queues for commands in this process (see StreamLocks). */
  readonly streamLocks = new StreamLocks();
  /** Commands queued on the same streams, decided and appended together (see CommandCombiner). */
  readonly commands = new CommandCombiner(this);
  private readonly keyLookups = new KeyLookups(async (keys) => {
    const { rows } = await this.db.query<StoredKey & { key: string }>(
      'SELECT key, fingerprint, response FROM idempotency_keys WHERE key = ANY($1)',
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row]));
  });
  private notifyInFlight = false;
  private notifyAgain = false;
  private readonly appendedListeners = new Set<() => void>();
  private readonly groups = new CommitGroups<PendingAppend, AppendResult>({
    run: (batch) => this.commitGroup(batch),
    ...COMMIT_GROUPS,
  });

  constructor(private readonly db: Pool) {}

  /**
   * Appends events to one or more streams atomically. Throws ConcurrencyError when a stream is not at its
   * expected version, IdempotencyKeyReusedError when the key belongs to another request; returns
   * `appended: false` and the first response on a retried request. Appends from concurrent requests are
   * committed together (CommitGroups): one transaction and one WAL flush for many, each all-or-nothing on its
   * own and answered only once committed. Given `db`, a transaction of the caller's, the events commit (or not)
   * with the caller's own writes instead.
   */
  async append(writes: readonly StreamWrite[], context: AppendContext, db?: Queryable): Promise<AppendResult> {
    if (db) return this.appendNow(writes, context, db);
    if (writes.every((w) => w.events.length === 0)) return { appended: false, events: [], response: context.idempotency?.response };
    return this.groups.submit({ writes, context, streams: writes.map((w) => w.streamId), key: context.idempotency?.key ?? null });
  }

  /** One append as one statement (APPEND_SQL), in `db`'s transaction or its own. */
  private async appendNow(writes: readonly StreamWrite[], context: AppendContext, db: Queryable): Promise<AppendResult> {
    const rows = this.rowsOf(writes, context);
    if (rows.length === 0) return { appended: false, events: [], response: context.idempotency?.response };
    const idem = context.idempotency;
    const params = [...this.rowParams(rows), idem?.key ?? null, idem?.fingerprint ?? null, idem ? encodeJson(idem.response ?? null) : null];
    let inserted: InsertedRow[];
    try {
      inserted = (await db.query<InsertedRow>(APPEND_SQL, params)).rows;
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_id_version_key')) throw await this.conflictFor(writes);
      throw error;
    }
    if (inserted.length === 0) return this.explainNothingAppended(writes, context);
    this.signalAppended();
    return { appended: true, events: this.recorded(rows, inserted), response: idem?.response };
  }

  /**
   * Commits a batch of appends on distinct streams and keys as one statement (APPEND_BATCH_SQL). When that
   * statement fails as a whole (a writer outside the batch won a race, the database went away), each append
   * runs on its own, so each gets its own answer.
   */
  private async commitGroup(batch: readonly Queued<PendingAppend, AppendResult>[]): Promise<void> {
    const settle = async (entry: Queued<PendingAppend, AppendResult>, result: () => Promise<AppendResult>) => {
      try {
        entry.resolve(await result());
      } catch (error) {
        entry.reject(error);
      }
    };
    if (batch.length === 1) return settle(batch[0], () => this.appendNow(batch[0].item.writes, batch[0].item.context, this.db));
    const planned = batch.map((entry, grp) => ({ entry, grp, rows: this.rowsOf(entry.item.writes, entry.item.context) }));
    const all = planned.flatMap((p) => p.rows.map((row) => ({ row, grp: p.grp })));
    const claims = planned.filter((p) => p.entry.item.context.idempotency);
    let inserted: InsertedRow[];
    try {
      const params = [
        ...this.rowParams(all.map((a) => a.row)),
        all.map((a) => a.grp),
        claims.map((p) => p.grp),
        claims.map((p) => p.entry.item.context.idempotency!.key),
        claims.map((p) => p.entry.item.context.idempotency!.fingerprint),
        claims.map((p) => encodeJson(p.entry.item.context.idempotency!.response ?? null)),
      ];
      inserted = (await this.db.query<InsertedRow>(APPEND_BATCH_SQL, params)).rows;
    } catch {
      await Promise.all(batch.map((entry) => settle(entry, () => this.appendNow(entry.item.writes, entry.item.context, this.db))));
      return;
    }
    const byStream = new Map<string, InsertedRow[]>();
    for (const row of inserted) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
    if (inserted.length > 0) this.signalAppended();
    await Promise.all(
      planned.map(({ entry, rows }) =>
        settle(entry, async () => {
          const { writes, context } = entry.item;
          const mine = writes
            .flatMap((w) => byStream.get(w.streamId) ?? [])
            .sort((a, b) => (BigInt(a.global_position) < BigInt(b.global_position) ? -1 : 1));
          if (mine.length === 0) return this.explainNothingAppended(writes, context);
          if (mine.length !== rows.length) throw new Error(`A group commit wrote ${mine.length} of an append's ${rows.length} events`);
          return { appended: true, events: this.recorded(rows, mine), response: context.idempotency?.response };
        }),
      ),
    );
  }

  /**
   * Appends the events of several commands decided one after another (a CommandCombiner batch) in one
   * transaction, all or nothing: each event carries its own command's metadata, each command claims its own
   * idempotency key. A stream several commands write is written in their order, each write expecting the version
   * the one before it leaves. Throws ConcurrencyError when a stream moved, IdempotencyKeysClaimedError (naming
   * them) when keys were claimed already. Returns each command's recorded events.
   */
  async appendCommands(commands: readonly CommandAppend[]): Promise<RecordedEvent[][]> {
    const streams = new Map<string, { first: StreamWrite; count: number }>();
    const rows: (AppendRow & { readonly command: number })[] = [];
    for (const [command, { writes, context }] of commands.entries())
      for (const write of writes) {
        const seen = streams.get(write.streamId) ?? { first: write, count: 0 };
        if (
          seen.first.expectedVersion !== 'any' &&
          expectedAsInt(write.expectedVersion) !== expectedAsInt(seen.first.expectedVersion) + seen.count
        )
          throw new Error(
            `${write.streamId}: a combined write must follow the one before it (version ${expectedAsInt(seen.first.expectedVersion) + seen.count})`,
          );
        for (const event of write.events)
          rows.push({ write: seen.first, event, ord: ++seen.count, metadata: this.metadataFor(context), command });
        streams.set(write.streamId, seen);
      }
    const firsts = [...streams.values()].map((s) => s.first);
    const claims = commands.flatMap((c) => (c.context.idempotency ? [c.context.idempotency] : []));
    let inserted: InsertedRow[];
    try {
      const params = [
        ...this.rowParams(rows),
        claims.map((k) => k.key),
        claims.map((k) => k.fingerprint),
        claims.map((k) => encodeJson(k.response ?? null)),
      ];
      inserted = (await this.db.query<InsertedRow>(APPEND_COMMANDS_SQL, params)).rows;
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_id_version_key')) throw await this.conflictFor(firsts);
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const { rows: taken } = await this.db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE key = ANY($1)', [
          claims.map((k) => k.key),
        ]);
        throw new IdempotencyKeysClaimedError(taken.map((t) => t.key));
      }
      throw error;
    }
    if (inserted.length !== rows.length) throw await this.conflictFor(firsts);
    this.signalAppended();
    const recorded = this.recorded(
      rows,
      [...inserted].sort((a, b) => (BigInt(a.global_position) < BigInt(b.global_position) ? -1 : 1)),
    );
    return commands.map((_, i) => recorded.filter((_e, r) => rows[r].command === i));
  }

  private rowsOf(writes: readonly StreamWrite[], context: AppendContext): AppendRow[] {
    return writes.flatMap((write) =>
      write.events.map((event, index) => ({ write, event, ord: index + 1, metadata: this.metadataFor(context) })),
    );
  }

  /** APPEND_SQL's and APPEND_BATCH_SQL's first seven parameters: the rows as parallel arrays. */
  private rowParams(rows: readonly AppendRow[]): unknown[] {
    return [
      rows.map((r) => r.write.streamId),
      rows.map((r) => expectedAsInt(r.write.expectedVersion)),
      rows.map((r) => r.ord),
      rows.map((r) => r.metadata.eventId),
      rows.map((r) => r.event.type),
      rows.map((r) => encodeJson(r.event.data)),
      rows.map((r) => JSON.stringify(r.metadata)),
    ];
  }

  private recorded(rows: readonly AppendRow[], inserted: readonly InsertedRow[]): RecordedEvent[] {
    return inserted.map((row, i) => recordedEvent({ ...row, type: rows[i].event.type, metadata: rows[i].metadata }, rows[i].event.data));
  }

  /** A stream's state (as of a cut of the log, or now), folded with the stream's own evolve. */
  load<S, E extends NewEvent>(ref: StreamRef<S, E>, options?: LoadOptions): Promise<LoadedStream<S>> {
    return loadStream(this, ref, options);
  }

  /** As `load`, with the events folded. */
  loadWithEvents<S, E extends NewEvent>(ref: StreamRef<S, E>, options?: LoadOptions): Promise<LoadedStreamWithEvents<S>> {
    return loadStreamWithEvents(this, ref, options);
  }

  /** The one command path: load the streams, decide, append atomically (see handle.ts). */
  handle<R extends StreamRefs, Response = undefined>(
    refs: R,
    decide: (states: StatesOf<R>) => EventsOf<R>,
    options: HandleOptions<R, Response>,
  ): Promise<CommandHandlerResult<R, Response>> {
    return handle(this, refs, decide, options);
  }

  async readStream(streamId: string, afterVersion = 0, db: Queryable = this.db): Promise<RecordedEvent[]> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version`,
      [streamId, afterVersion],
    );
    return rows.map(toRecordedEvent);
  }

  /** Events after a checkpoint, in commit-safe order (see READ_ALL_SQL). */
  async readAll(after: Checkpoint, limit: number, db: Queryable = this.db): Promise<RecordedEvent[]> {
    const { rows } = await db.query<EventRow>(READ_ALL_SQL, [after.transactionId.toString(), after.position.toString(), limit]);
    return rows.map(toRecordedEvent);
  }

  /**
   * Events of the given streams after a checkpoint, in the same commit-safe order as readAll: an audit
   * log of a few streams (a DAO and its proposals) that a client can page through without gaps.
   */
  async readStreamsAfter(
    streamIds: readonly string[],
    after: Checkpoint,
    limit: number,
    db: Queryable = this.db,
  ): Promise<RecordedEvent[]> {
    if (streamIds.length === 0) return [];
    const { rows } = await db.query<EventRow>(READ_STREAMS_AFTER_SQL, [
      streamIds,
      after.transactionId.toString(),
      after.position.toString(),
      limit,
    ]);
    return rows.map(toRecordedEvent);
  }

  /** The checkpoint of the event at a public log position, or null if there is no such event yet. */
  async checkpointAt(position: bigint, db: Queryable = this.db): Promise<Checkpoint | null> {
    const { rows } = await db.query<{ transaction_id: string }>(
      `SELECT transaction_id FROM events WHERE global_position = $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
      [position.toString()],
    );
    return rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position } : null;
  }

  /**
   * The stored response of an earlier request with this idempotency key; throws when the key was used
   * for a different request; undefined when the key is new. Look-ups asked together share a query (KeyLookups).
   */
  async findIdempotentResponse(key: string, fingerprint: string): Promise<{ response: unknown } | undefined> {
    const stored = await this.keyLookups.find(key);
    if (!stored) return undefined;
    if (stored.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    return { response: reviveBigints(stored.response) };
  }

  /**
   * Claims an idempotency key for a request that decided nothing, so it is used all the same (a signed message's
   * nonce). False when the key was claimed already, by this request or another.
   */
  async claimIdempotencyKey(key: string, fingerprint: string, response: unknown): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'INSERT INTO idempotency_keys (key, fingerprint, response) VALUES ($1, $2, $3::jsonb) ON CONFLICT (key) DO NOTHING',
      [key, fingerprint, encodeJson(response ?? null)],
    );
    return (rowCount ?? 0) > 0;
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.db.query<{ version: number }>(STREAM_VERSIONS_SQL, [[streamId]]);
    return rows[0].version;
  }

  /**
   * Calls `listener` in this process, synchronously, each time an append of this store has committed (or, for an
   * append inside a caller's transaction, has been written): before the append's caller hears of it, so a cache
   * in the same process can drop what the append made stale before any client sees the write acknowledged.
   */
  onAppended(listener: () => void): () => void {
    this.appendedListeners.add(listener);
    return () => this.appendedListeners.delete(listener);
  }

  /**
   * Wakes subscribers after an append has committed. Not inside the append: PostgreSQL serialises the
   * commits of notifying transactions, which would cost concurrent writers group commit. At most one
   * NOTIFY is in flight; appends meanwhile are covered by one more. A lost one (crash) is covered by the
   * subscribers' polling.
   */
  private signalAppended(): void {
    for (const listener of this.appendedListeners) listener();
    if (this.notifyInFlight) {
      this.notifyAgain = true;
      return;
    }
    this.notifyInFlight = true;
    this.db
      .query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`)
      .catch(() => undefined)
      .finally(() => {
        this.notifyInFlight = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.signalAppended();
        }
      });
  }

  private metadataFor(context: AppendContext): EventMetadata {
    return {
      eventId: randomUUID(),
      causationId: context.causationId ?? null,
      correlationId: context.correlationId,
      actor: context.actor,
      idempotencyKey: context.idempotency?.key ?? null,
      occurredAt: context.occurredAt,
    };
  }

  private async explainNothingAppended(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult> {
    const idem = context.idempotency;
    const stored = idem ? await this.findIdempotentResponse(idem.key, idem.fingerprint) : undefined;
    if (stored) return { appended: false, events: [], response: stored.response };
    throw await this.conflictFor(writes);
  }

  private async conflictFor(writes: readonly StreamWrite[]): Promise<ConcurrencyError> {
    const { rows } = await this.db.query<{ stream_id: string; version: number }>(STREAM_VERSIONS_SQL, [writes.map((w) => w.streamId)]);
    const actual = new Map(rows.map((r) => [r.stream_id, r.version]));
    const conflicting =
      writes.find((w) => w.expectedVersion !== 'any' && expectedAsInt(w.expectedVersion) !== actual.get(w.streamId)) ?? writes[0];
    return new ConcurrencyError(conflicting.streamId, conflicting.expectedVersion, actual.get(conflicting.streamId) ?? 0);
  }
}

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === UNIQUE_VIOLATION &&
  (error as { constraint?: string }).constraint === constraint;
