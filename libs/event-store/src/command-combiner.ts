import { ConcurrencyError, IdempotencyKeyReusedError, IdempotencyKeysClaimedError } from './errors';
import { replay, type CommandHandlerResult, type EventsOf, type QueuedCommand, type StatesOf, type StreamRefs } from './handle';
import { loadStream, type StreamSource } from './load-stream';
import type { StreamLocks } from './stream-locks';
import type { StreamRef } from './stream-ref';
import type { AppendContext, AppendResult, NewEvent, RecordedEvent, StreamWrite } from './types';

/** The most commands decided and appended together. */
export const MAX_COMBINED = 64;
const DEFAULT_ATTEMPTS = 5;

/** One command's part of a combined append: its writes and its own context (actor, causation, idempotency claim). */
export interface CommandAppend {
  readonly writes: readonly StreamWrite[];
  readonly context: AppendContext;
}

/** What combining needs of the store (structural, so the store can own its combiner without an import cycle). */
export interface CombinerTarget extends StreamSource {
  readonly streamLocks: StreamLocks;
  append(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult>;
  appendCommands(commands: readonly CommandAppend[]): Promise<RecordedEvent[][]>;
  findIdempotentResponse(key: string, fingerprint: string): Promise<{ response: unknown } | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRef = StreamRef<any, any>;
type AnyResult = CommandHandlerResult<StreamRefs, unknown>;
interface Entry {
  readonly command: QueuedCommand<StreamRefs, unknown>;
  readonly resolve: (result: AnyResult) => void;
  readonly reject: (error: unknown) => void;
  /** Decisions made for it that a concurrency conflict undid. */
  attempts: number;
}
/** A command decided against the states the commands before it in the batch left. */
interface Decided {
  readonly entry: Entry;
  readonly events: EventsOf<StreamRefs>;
  readonly newState: StatesOf<StreamRefs>;
  readonly response: unknown;
}
/** The batch's streams as loaded (refs, versions) and as its decisions left them (current). */
interface Loaded {
  readonly refs: ReadonlyMap<string, AnyRef>;
  readonly current: ReadonlyMap<string, unknown>;
  readonly versions: ReadonlyMap<string, number>;
}
type Outcome = { readonly ok: true; readonly result: AnyResult } | { readonly ok: false; readonly error: unknown };

const idsOf = (refs: StreamRefs): string[] => [...new Set(Object.values(refs).map((ref) => ref.streamId))].sort();
const keyOf = (entry: Entry): string | null => entry.command.options.idempotency?.key ?? null;
const hasEvents = (events: EventsOf<StreamRefs>): boolean => Object.values(events).some((list) => (list?.length ?? 0) > 0);

/**
 * Combines commands on the same streams in this process (a burst of votes on one proposal). While one batch is
 * being decided and committed, the commands that arrive on the same streams queue; the next batch takes them
 * together, in arrival order: it loads the streams once, decides each command against the states the ones
 * before it left, and appends all their events in one transaction, each with its own metadata and idempotency
 * claim. A command that is refused is refused alone; the others go on. Nobody is answered before the batch
 * has committed, each from the states after its own events. Across processes the expected versions still
 * decide: a conflict re-decides the whole batch against the newer states.
 */
export class CommandCombiner {
  /** Commands waiting, by the set of streams they name. */
  private readonly queues = new Map<string, Entry[]>();

  constructor(private readonly store: CombinerTarget) {}

  submit<R extends StreamRefs, Response>(command: QueuedCommand<R, Response>): Promise<CommandHandlerResult<R, Response>> {
    const ids = idsOf(command.refs);
    const shared = [...new Set((command.options.shared ?? []).map((name) => command.refs[name].streamId))].sort();
    // Commands queue together only when they hold the same streams the same way.
    const key = `${ids.join('\n')}\n@shared\n${shared.join('\n')}`;
    return new Promise<AnyResult>((resolve, reject) => {
      const entry: Entry = { command: command as unknown as QueuedCommand<StreamRefs, unknown>, resolve, reject, attempts: 0 };
      const queue = this.queues.get(key);
      if (queue) return void queue.push(entry);
      this.queues.set(key, [entry]);
      void this.drain(key, ids, shared);
    }) as Promise<CommandHandlerResult<R, Response>>;
  }

  /** Runs batches of one stream set's queue until it is empty. The stream locks keep other commands on these streams out meanwhile. */
  private async drain(key: string, ids: readonly string[], shared: readonly string[]): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const release = await this.store.streamLocks.acquire(ids, shared);
      const batch = takeBatch(queue);
      try {
        await this.run(batch);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      } finally {
        release();
      }
    }
    this.queues.delete(key);
  }

  /** Decides and appends a batch, again after a conflict, until every command of it has its outcome; then answers them all. */
  private async run(batch: readonly Entry[]): Promise<void> {
    const outcomes = new Map<Entry, Outcome>();
    let live = [...batch];
    while (live.length > 0) {
      const { decided, refused, loaded } = await this.decideAll(live);
      const appending = decided.filter((d) => hasEvents(d.events));
      try {
        const recorded = await this.appendAll(appending, loaded);
        for (const [i, d] of appending.entries())
          outcomes.set(d.entry, { ok: true, result: { appended: true, replayed: false, ...d, recorded: recorded[i] } });
        for (const d of decided)
          if (!hasEvents(d.events)) outcomes.set(d.entry, { ok: true, result: { appended: false, replayed: false, ...d, recorded: [] } });
        for (const { entry, error } of refused) outcomes.set(entry, await this.refusal(entry, error));
        live = [];
      } catch (error) {
        if (error instanceof IdempotencyKeysClaimedError && error.keys.length > 0) {
          // Those commands happened earlier (or are a copy racing them): each gets its key's answer, and the rest
          // are decided again without their events.
          const claimed = live.filter((entry) => error.keys.includes(keyOf(entry) ?? ''));
          for (const entry of claimed) outcomes.set(entry, await this.refusal(entry, error));
          live = live.filter((entry) => !claimed.includes(entry));
        } else if (error instanceof ConcurrencyError || error instanceof IdempotencyKeysClaimedError) {
          for (const entry of live) entry.attempts++;
          const spent = live.filter((entry) => entry.attempts >= (entry.command.options.maxAttempts ?? DEFAULT_ATTEMPTS));
          for (const entry of spent) outcomes.set(entry, await this.refusal(entry, error));
          live = live.filter((entry) => !spent.includes(entry));
        } else {
          for (const entry of live) outcomes.set(entry, await this.refusal(entry, error));
          live = [];
        }
      }
    }
    for (const entry of batch) {
      const outcome = outcomes.get(entry)!;
      if (outcome.ok) entry.resolve(outcome.result);
      else entry.reject(outcome.error);
    }
  }

  /** Loads the batch's streams once and decides each command in order against the states the ones before it left. */
  private async decideAll(
    live: readonly Entry[],
  ): Promise<{ decided: Decided[]; refused: { entry: Entry; error: unknown }[]; loaded: Loaded }> {
    const refs = new Map<string, AnyRef>();
    for (const entry of live) for (const ref of Object.values(entry.command.refs)) if (!refs.has(ref.streamId)) refs.set(ref.streamId, ref);
    const loaded = await Promise.all([...refs.values()].map(async (ref) => [ref.streamId, await loadStream(this.store, ref)] as const));
    const current = new Map(loaded.map(([id, { state }]) => [id, state as unknown]));
    const versions = new Map(loaded.map(([id, { version }]) => [id, version]));
    const decided: Decided[] = [];
    const refused: { entry: Entry; error: unknown }[] = [];
    for (const entry of live) {
      const { refs: named, decide, options } = entry.command;
      const names = Object.keys(named);
      try {
        const states = Object.fromEntries(names.map((name) => [name, current.get(named[name].streamId)])) as StatesOf<StreamRefs>;
        const events = decide(states);
        const newState = Object.fromEntries(
          names.map((name) => [name, (events[name] ?? []).reduce<unknown>((s, e) => named[name].evolve(s, e), states[name])]),
        ) as StatesOf<StreamRefs>;
        const response = options.respond?.({ newState, events });
        for (const name of names) if ((events[name]?.length ?? 0) > 0) current.set(named[name].streamId, newState[name]);
        decided.push({ entry, events, newState, response });
      } catch (error) {
        refused.push({ entry, error });
      }
    }
    return { decided, refused, loaded: { refs, current, versions } };
  }

  /**
   * One transaction for every command that decided events: one command goes through the store's group commit
   * (as a lone command always did); several, through one combined append. Each stream's events follow each
   * other from the version it was loaded at.
   */
  private async appendAll(appending: readonly Decided[], { refs, current, versions }: Loaded): Promise<RecordedEvent[][]> {
    if (appending.length === 0) return [];
    const next = new Map(versions);
    const commands: CommandAppend[] = appending.map(({ entry, events, response }) => {
      const { refs: named, options } = entry.command;
      const idem = options.idempotency;
      const writes = Object.keys(named)
        .filter((name) => (events[name]?.length ?? 0) > 0)
        .map((name) => {
          const streamId = named[name].streamId;
          const version = next.get(streamId)!;
          next.set(streamId, version + events[name]!.length);
          return {
            streamId,
            expectedVersion: version === 0 ? ('no-stream' as const) : version,
            events: events[name] as readonly NewEvent[],
          };
        });
      const claim = idem && { key: idem.key, fingerprint: idem.fingerprint, response: idem.keepResponse === false ? null : response };
      return { writes, context: { ...options.context, ...(claim ? { idempotency: claim } : {}) } };
    });
    let recorded: RecordedEvent[][];
    if (commands.length === 1) {
      const [{ writes, context }] = commands;
      const claimed = new IdempotencyKeysClaimedError(context.idempotency ? [context.idempotency.key] : []);
      const result = await this.store.append(writes, context).catch((error: unknown) => {
        // The key belongs to another request: that is this command's own refusal, not its batch's.
        throw error instanceof IdempotencyKeyReusedError ? claimed : error;
      });
      // Nothing appended with events decided: the key was claimed meanwhile.
      if (!result.appended) throw claimed;
      recorded = [[...result.events]];
    } else recorded = await this.store.appendCommands(commands);
    // The store now holds exactly these events after the loaded versions: the next batch starts from these states.
    for (const [id, version] of next)
      if (version !== versions.get(id)) this.store.stateCache.set(id, refs.get(id)!.evolve, current.get(id), version);
    return recorded;
  }

  /**
   * A command that did not go through: answered with its key's first answer when its key was claimed (a copy
   * of it raced, or it was sent again), otherwise refused with its own error.
   */
  private async refusal(entry: Entry, error: unknown): Promise<Outcome> {
    const idem = entry.command.options.idempotency;
    try {
      const raced = idem && (await this.store.findIdempotentResponse(idem.key, idem.fingerprint));
      if (raced) return { ok: true, result: await replay(this.store, entry.command.refs, raced.response) };
    } catch (lookupError) {
      return { ok: false, error: lookupError };
    }
    return { ok: false, error };
  }
}

/**
 * The next batch, in arrival order: up to MAX_COMBINED commands, stopping before one that repeats an
 * idempotency key of the batch (it is decided after the first has committed) or folds a stream differently.
 */
const takeBatch = (queue: Entry[]): Entry[] => {
  const keys = new Set<string>();
  const evolves = new Map<string, unknown>();
  let n = 0;
  for (; n < queue.length && n < MAX_COMBINED; n++) {
    const entry = queue[n];
    const key = keyOf(entry);
    const refs = Object.values(entry.command.refs);
    if ((key !== null && keys.has(key)) || refs.some((ref) => (evolves.get(ref.streamId) ?? ref.evolve) !== ref.evolve)) break;
    if (key !== null) keys.add(key);
    for (const ref of refs) evolves.set(ref.streamId, ref.evolve);
  }
  return queue.splice(0, Math.max(n, 1));
};
