import { START, type Checkpoint, type PostgresEventStore, type RecordedEvent } from '@ayllu/event-store';
import type { Pool, PoolClient } from 'pg';
import { lockKey, readCheckpoint, writeCheckpoint, writeCheckpoints } from './checkpoints';
import { DrainLoop, type WakeUps } from './drain-loop';
import type { Processor, ProcessorMemory } from './processor';
import { isTransient, liftQuarantine, quarantineStream, readQuarantines, type Quarantine } from './quarantine';

export interface LogProcessorOptions {
  readonly batchSize?: number;
  /** A batch failed: none of it was kept, and the next pass reads it again. Other processors carry on. */
  readonly onError?: (processor: string, error: unknown) => void;
  /**
   * A batch committed. Lets what consumes a processor's writes start at once (the dispatcher sends outbox
   * rows while the log keeps growing) instead of after the processor has caught up, which under a steady
   * stream of events never happens.
   */
  readonly afterBatch?: (processor: string) => void;
  /** A processor set a stream aside (see `runBatch`); its other streams carry on. */
  readonly onQuarantine?: (processor: string, quarantine: Quarantine, error: unknown) => void;
}

/**
 * An event failed on its own, for the first time: the batch kept every event before it and stopped there.
 * The next pass tries it again; failing again, its stream is quarantined.
 */
export class EventHeldBack extends Error {
  constructor(
    readonly processor: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(
      `${processor} failed on ${event.type} at ${event.position} of ${event.streamId}; it will try once more before quarantining the stream`,
    );
  }
}

const savepoint = async <T>(tx: PoolClient, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
  await tx.query('SAVEPOINT attempt');
  try {
    const value = await work();
    await tx.query('RELEASE SAVEPOINT attempt');
    return { ok: true, value };
  } catch (error) {
    // A lost connection fails the rollback too, and that error ends the whole transaction.
    await tx.query('ROLLBACK TO SAVEPOINT attempt');
    return { ok: false, error };
  }
};

const atOrBefore = (event: RecordedEvent, checkpoint: Checkpoint) => !checkpointBefore(checkpoint, event);

/** `a` comes before `b` in commit order. */
const checkpointBefore = (a: Checkpoint, b: Checkpoint) =>
  a.transactionId < b.transactionId || (a.transactionId === b.transactionId && a.position < b.position);

/**
 * A client checked out of the pool has no 'error' listener, so a connection the server drops mid-batch
 * (restart, failover) would emit an unhandled 'error' and take the whole worker down. The query in flight
 * rejects anyway and the batch is retried; the pool discards the dead client on release.
 */
const ignoreClientError = (): void => undefined;

const inClientTransaction = async <T>(client: PoolClient, work: () => Promise<T>): Promise<T> => {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};

const inTransaction = async <T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> => {
  const tx = await pool.connect();
  tx.on('error', ignoreClientError);
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.removeListener('error', ignoreClientError);
    tx.release();
  }
};

/**
 * Runs processors over the log. Each batch of a processor is one transaction holding its writes and its new
 * checkpoint together: a crash anywhere keeps the whole batch or none of it. A transaction-scoped advisory
 * lock per processor lets several workers run the same processors without doing a batch twice. Processors
 * advance side by side, each from its own checkpoint: a slow or failing one holds up no other.
 */
export class LogProcessor {
  private readonly batchSize: number;
  private readonly loop: DrainLoop;
  /** Per processor, the event that failed on its own once: failing again, its stream is quarantined. */
  private readonly heldBack = new Map<string, string>();
  /** Per processor, what it keeps between batches (see ProcessorMemory). */
  private readonly memories = new Map<string, ProcessorMemory>();

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    readonly processors: readonly Processor[],
    private readonly options: LogProcessorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.loop = new DrainLoop({
      drain: () => this.drainAll(),
      onError: (error) => options.onError?.(processors.map((p) => p.name).join(', '), error),
    });
  }

  /**
   * Runs one batch of one processor: the next events after its checkpoint in commit-safe order, the ones it
   * handles handed to it, the checkpoint moved past all of them. Returns how many events it read: 0 when
   * caught up or, unless `wait` is set, when another worker holds the processor.
   *
   * Events of streams the processor has quarantined are skipped (they stay in the log for the resume). A
   * batch that throws is rolled back to a savepoint and applied again event by event, so that the events
   * that work are kept. An event that fails on its own the first time holds the batch back at it (the
   * events before it commit, then `EventHeldBack` is thrown); failing on its own again on a later pass, its
   * stream is quarantined and the batch goes on. A transient failure (connection, deadlock) quarantines
   * nothing: the whole batch is rolled back and read again.
   */
  async runBatch(processor: Processor, wait = false): Promise<number> {
    const result = await inTransaction(this.pool, async (tx) => {
      const lock = wait
        ? 'SELECT true AS locked FROM pg_advisory_xact_lock(hashtext($1))'
        : 'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked';
      const { rows } = await tx.query<{ locked: boolean }>(lock, [lockKey(processor.name)]);
      if (!rows[0].locked) return { read: 0 };
      const checkpoint = await readCheckpoint(tx, processor.name);
      const quarantines = await readQuarantines(tx, processor.name);
      for (const quarantine of quarantines.values()) {
        if (quarantine.resumeRequested && (await this.resume(tx, processor, quarantine, checkpoint)))
          quarantines.delete(quarantine.streamId);
      }
      const events = await this.store.readAll(checkpoint, this.batchSize, tx);
      if (events.length === 0) return { read: 0 };
      const live = events.filter((event) => !quarantines.has(event.streamId));
      const handles = new Set(processor.canHandle);
      const batch = live.some((event) => handles.has(event.type))
        ? await savepoint(tx, () => processor.apply(tx, live, this.memoryOf(processor)))
        : ({ ok: true } as const);
      let done = events[events.length - 1];
      let heldBack: EventHeldBack | undefined;
      if (!batch.ok) {
        if (isTransient(batch.error)) throw batch.error;
        heldBack = await this.applyOneByOne(tx, processor, events, quarantines);
        if (heldBack) {
          const before = events.indexOf(heldBack.event) - 1;
          if (before < 0) return { read: 0, heldBack };
          done = events[before]!;
        }
      }
      await writeCheckpoint(tx, processor.name, { transactionId: done.transactionId, position: done.position });
      return { read: heldBack ? events.indexOf(heldBack.event) : events.length, heldBack };
    });
    if (result.heldBack) throw result.heldBack;
    return result.read;
  }

  /** Brings every processor to the end of the log as it is now. Overlapping calls coalesce. */
  catchUp(): Promise<void> {
    return this.loop.wake();
  }

  /** Catches up on every notification of `wakeUps` and every `pollMs`. */
  start(sources: { readonly wakeUps?: WakeUps; readonly pollMs?: number }): void {
    this.loop.start(sources);
  }

  /** Stops catching up on wake-ups; resolves once the pass under way has finished. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Empties the processors' tables and checkpoints, then replays the log into them from position 0 in one pass
   * (each batch read once and handed to every one of them, in one transaction with their checkpoints), reporting
   * the events read so far after each batch. Holds their locks for the whole pass on one connection, so no
   * worker batch interleaves and what a processor remembers between batches stays its own. A processor with
   * quarantined streams, or a batch that fails, ends the shared pass: from there each processor catches up on
   * its own batches, which hold back and quarantine as usual.
   */
  async rebuild(which: Processor | readonly Processor[], onProgress?: (read: number) => void): Promise<number> {
    const processors: readonly Processor[] = Array.isArray(which) ? which : [which as Processor];
    let read = await this.rebuildInOnePass(processors, onProgress);
    let behind = 0;
    for (const processor of processors) {
      let caughtUp = 0;
      for (;;) {
        let n: number;
        try {
          n = await this.runBatch(processor, true);
        } catch (error) {
          // Held back at an event: the next batch tries it again, and quarantines its stream if it fails again.
          if (error instanceof EventHeldBack) continue;
          throw error;
        }
        caughtUp += n;
        if (n > 0) onProgress?.(read + Math.max(behind, caughtUp));
        if (n === 0) break;
      }
      behind = Math.max(behind, caughtUp);
    }
    read += behind;
    onProgress?.(read);
    return read;
  }

  /** The shared pass of `rebuild`; returns how far it read (every processor's checkpoint is there). */
  private async rebuildInOnePass(processors: readonly Processor[], onProgress?: (read: number) => void): Promise<number> {
    const names = processors.map((p) => p.name);
    const session = await this.pool.connect();
    session.on('error', ignoreClientError);
    let read = 0;
    let healthy = true;
    try {
      // Session locks, taken in one order so two rebuilds cannot deadlock; a worker's try-lock fails meanwhile.
      for (const name of [...names].sort()) await session.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(name)]);
      const tables = processors.flatMap((p) => p.tables);
      await inClientTransaction(session, async () => {
        if (tables.length > 0) await session.query(`TRUNCATE ${tables.join(', ')}`);
        await writeCheckpoints(session, names, START);
      });
      for (const name of names) this.memories.delete(name);
      let at: Checkpoint = START;
      // The next batch is read on another connection while this one is applied: reading and writing overlap.
      const readAfter = (checkpoint: Checkpoint) => this.store.readAll(checkpoint, this.batchSize);
      let next = readAfter(at);
      for (;;) {
        const events = await inClientTransaction(session, async () => {
          // Each batch commits without waiting for its WAL flush: a crash can lose only whole batches, read model
          // and checkpoints together, and the worker then projects those events again from the checkpoint.
          const { rows } = await session.query<{ quarantined: boolean }>(
            `SELECT set_config('synchronous_commit', 'off', true),
                    EXISTS (SELECT 1 FROM processor_quarantines WHERE processor = ANY($1)) AS quarantined`,
            [names],
          );
          if (rows[0].quarantined) return null;
          const batch = await next;
          if (batch.length === 0) return batch;
          const last = batch[batch.length - 1];
          next = readAfter({ transactionId: last.transactionId, position: last.position });
          next.catch(() => undefined);
          for (const processor of processors) await processor.apply(session, batch, this.memoryOf(processor));
          await writeCheckpoints(session, names, { transactionId: last.transactionId, position: last.position });
          return batch;
        }).catch((error: unknown) => {
          // The processors' own batches take it from here, with their savepoints and quarantines.
          if (isTransient(error)) throw error;
          return null;
        });
        if (events === null || events.length === 0) return read;
        read += events.length;
        at = { transactionId: events[events.length - 1].transactionId, position: events[events.length - 1].position };
        onProgress?.(read);
      }
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      if (healthy) await session.query('SELECT pg_advisory_unlock_all()').catch(() => (healthy = false));
      // A connection that may still hold the locks is closed rather than pooled.
      session.removeListener('error', ignoreClientError);
      session.release(!healthy);
    }
  }

  /**
   * The events of a failed batch one by one, each in its own savepoint. Returns the event that held the
   * batch back, if one did; quarantines (adding to `quarantines`) the streams whose event failed again.
   */
  private async applyOneByOne(
    tx: PoolClient,
    processor: Processor,
    events: readonly RecordedEvent[],
    quarantines: Map<string, Quarantine>,
  ): Promise<EventHeldBack | undefined> {
    const handled = new Set(processor.canHandle);
    for (const event of events) {
      if (quarantines.has(event.streamId) || !handled.has(event.type)) continue;
      const attempt = await savepoint(tx, () => processor.apply(tx, [event], this.memoryOf(processor)));
      if (attempt.ok) continue;
      if (isTransient(attempt.error)) throw attempt.error;
      if (this.heldBack.get(processor.name) !== event.metadata.eventId) {
        this.heldBack.set(processor.name, event.metadata.eventId);
        return new EventHeldBack(processor.name, event, attempt.error);
      }
      this.heldBack.delete(processor.name);
      const quarantine = await quarantineStream(tx, this.store, processor.name, event, attempt.error);
      quarantines.set(event.streamId, quarantine);
      this.options.onQuarantine?.(processor.name, quarantine, attempt.error);
    }
    return undefined;
  }

  /**
   * An admin asked to resume a quarantined stream: its events from the one that failed up to the checkpoint
   * (those the processor skipped) are applied in order, all or none. Returns true when they were and the
   * quarantine is lifted; failing again, the stream stays quarantined with the new reason.
   */
  private async resume(tx: PoolClient, processor: Processor, quarantine: Quarantine, checkpoint: Checkpoint): Promise<boolean> {
    const skipped = (await this.store.readStream(quarantine.streamId, quarantine.fromVersion - 1, tx)).filter((e) =>
      atOrBefore(e, checkpoint),
    );
    let failed: RecordedEvent | undefined;
    const replay = await savepoint(tx, async () => {
      for (const event of skipped) {
        failed = event;
        await processor.apply(tx, [event], this.memoryOf(processor));
      }
    });
    if (replay.ok) {
      await liftQuarantine(tx, processor.name, quarantine.streamId);
      return true;
    }
    if (isTransient(replay.error)) throw replay.error;
    const again = await quarantineStream(tx, this.store, processor.name, failed!, replay.error, quarantine.fromVersion);
    this.options.onQuarantine?.(processor.name, again, replay.error);
    return false;
  }

  private memoryOf(processor: Processor): ProcessorMemory {
    let memory = this.memories.get(processor.name);
    if (!memory) this.memories.set(processor.name, (memory = new Map<string, unknown>()));
    return memory;
  }

  private async drainAll(): Promise<void> {
    let skip: ReadonlySet<string>;
    try {
      skip = await this.advancePastUnhandled();
    } catch (error) {
      skip = new Set();
      this.options.onError?.(this.processors.map((p) => p.name).join(', '), error);
    }
    await Promise.all(
      this.processors
        .filter((processor) => !skip.has(processor.name))
        .map(async (processor) => {
          try {
            for (;;) {
              const n = await this.runBatch(processor);
              if (n > 0) this.options.afterBatch?.(processor.name);
              if (n < this.batchSize) return;
            }
          } catch (error) {
            this.options.onError?.(processor.name, error);
          }
        }),
    );
  }

  /**
   * The cheap path of a pass, for the processors with nothing to do: one look at every checkpoint and one read of
   * the log's tail from the earliest of them. A processor already at the tail, or whose events up to it are all
   * of types it does not handle, is moved there by one compare-and-set of its checkpoint (which another worker's
   * batch, holding the row, makes fail), without a transaction of its own. Returns the processors it settled;
   * the others (behind by a whole batch, handling one of the events, a stream quarantined or asked to resume,
   * no checkpoint yet) run their batches as usual.
   */
  private async advancePastUnhandled(): Promise<ReadonlySet<string>> {
    const settled = new Set<string>();
    const { rows } = await this.pool.query<{ name: string; transaction_id: string; position: string; quarantined: boolean }>(
      `SELECT c.name, c.transaction_id, c.position,
              EXISTS (SELECT 1 FROM processor_quarantines q WHERE q.processor = c.name) AS quarantined
       FROM projection_checkpoints c WHERE c.name = ANY($1)`,
      [this.processors.map((p) => p.name)],
    );
    const candidates = rows
      .filter((r) => !r.quarantined)
      .map((r) => ({ name: r.name, at: { transactionId: BigInt(r.transaction_id), position: BigInt(r.position) } }));
    if (candidates.length === 0) return settled;
    const earliest = candidates.map((c) => c.at).reduce((a, b) => (checkpointBefore(a, b) ? a : b));
    const tail = await this.store.readAll(earliest, this.batchSize);
    if (tail.length >= this.batchSize) return settled;
    const last = tail[tail.length - 1];
    const moves: { name: string; at: Checkpoint }[] = [];
    for (const candidate of candidates) {
      const handled = new Set(this.processors.find((p) => p.name === candidate.name)!.canHandle);
      const pending = tail.filter((e) => !atOrBefore(e, candidate.at));
      if (pending.some((e) => handled.has(e.type))) continue;
      if (pending.length === 0) settled.add(candidate.name);
      else moves.push(candidate);
    }
    if (moves.length === 0) return settled;
    const moved = await this.pool.query<{ name: string }>(
      `UPDATE projection_checkpoints c SET transaction_id = $4::xid8, position = $5, updated_at = now()
       FROM unnest($1::text[], $2::xid8[], $3::bigint[]) AS u(name, transaction_id, position)
       WHERE c.name = u.name AND c.transaction_id = u.transaction_id AND c.position = u.position
       RETURNING c.name`,
      [
        moves.map((m) => m.name),
        moves.map((m) => m.at.transactionId.toString()),
        moves.map((m) => m.at.position.toString()),
        last.transactionId.toString(),
        last.position.toString(),
      ],
    );
    for (const { name } of moved.rows) settled.add(name);
    return settled;
  }
}
