import { ConcurrencyError } from './errors';
import { loadStream, type StreamSource } from './load-stream';
import type { StreamLocks } from './stream-locks';
import type { StreamRef } from './stream-ref';
import type { AppendContext, AppendResult, NewEvent, RecordedEvent, StreamWrite } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRef = StreamRef<any, any>;
/** The streams a command works on, by the names its decision uses (`{ dao, proposal }`). */
export type StreamRefs = Readonly<Record<string, AnyRef>>;
export type StatesOf<R extends StreamRefs> = { readonly [K in keyof R]: R[K] extends StreamRef<infer S, infer _E> ? S : never };
export type EventOf<Ref> = Ref extends StreamRef<infer _S, infer E> ? E : never;
/** New events per stream; a stream left out (or given none) is not written. */
export type EventsOf<R extends StreamRefs> = { readonly [K in keyof R]?: readonly EventOf<R[K]>[] };

export interface HandleOptions<R extends StreamRefs, Response> {
  readonly context: Omit<AppendContext, 'idempotency'>;
  /**
   * Makes the command happen at most once per key: the events and the key commit together, and a retry
   * (or a copy that raced) gets the first answer. The key is claimed only when events are appended.
   */
  readonly idempotency?: {
    readonly key: string;
    readonly fingerprint: string;
    /**
     * False when a retry is never answered with the first answer (a signed message's nonce claim: a replay is
     * refused): the key then stores null instead of the answer, which for a vote is the whole proposal view.
     */
    readonly keepResponse?: boolean;
  };
  /** The answer, from the states after the new events; stored with the idempotency key. */
  readonly respond?: (result: { readonly newState: StatesOf<R>; readonly events: EventsOf<R> }) => Response;
  /** Decisions re-made after a concurrency conflict before the ConcurrencyError surfaces (409). */
  readonly maxAttempts?: number;
}

/** What a command did (after Emmett's `CommandHandlerResult`). */
export interface CommandHandlerResult<R extends StreamRefs, Response> {
  /** True when events were appended by this call. */
  readonly appended: boolean;
  /** True when the answer is an earlier request's with the same idempotency key: nothing was decided now. */
  readonly replayed: boolean;
  /** The events decided, per stream (none on a replay). */
  readonly events: EventsOf<R>;
  readonly recorded: readonly RecordedEvent[];
  /** Each stream's state after the command (on a replay, as it stands now). */
  readonly newState: StatesOf<R>;
  readonly response: Response;
}

/** What handling needs of the store (structural, so the store can offer `handle` without an import cycle). */
export interface HandleTarget extends StreamSource {
  readonly streamLocks: StreamLocks;
  append(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult>;
  findIdempotentResponse(key: string, fingerprint: string): Promise<{ response: unknown } | undefined>;
}

/**
 * The one command path: load every stream, decide once, append every stream's events in one transaction
 * with each stream's expected version. A conflict on any stream re-decides against the newer states, a few
 * times, then the ConcurrencyError surfaces. Commands on the same streams in this process queue instead of
 * racing.
 */
export const handle = async <R extends StreamRefs, Response = undefined>(
  store: HandleTarget,
  refs: R,
  decide: (states: StatesOf<R>) => EventsOf<R>,
  options: HandleOptions<R, Response>,
): Promise<CommandHandlerResult<R, Response>> => {
  const idem = options.idempotency;
  // A retried request is answered from its key before deciding: deciding again could now be refused (the
  // DAO it created exists), and the client must get the first answer, not that refusal.
  const earlier = idem && (await store.findIdempotentResponse(idem.key, idem.fingerprint));
  if (earlier) return replay(store, refs, earlier.response as Response);
  const release = await store.streamLocks.acquire(Object.values(refs).map((ref) => ref.streamId));
  try {
    return await decideAndAppend(store, refs, decide, options);
  } catch (error) {
    // Two copies of one request raced: the loser's refusal is replaced by the winner's answer.
    const raced = idem && (await store.findIdempotentResponse(idem.key, idem.fingerprint));
    if (raced) return replay(store, refs, raced.response as Response);
    throw error;
  } finally {
    release();
  }
};

const loadAll = async <R extends StreamRefs>(store: StreamSource, refs: R) => {
  const keys = Object.keys(refs) as (keyof R & string)[];
  const loaded = await Promise.all(keys.map(async (key) => [key, await loadStream(store, refs[key])] as const));
  const states = Object.fromEntries(loaded.map(([key, { state }]) => [key, state])) as StatesOf<R>;
  const versions = Object.fromEntries(loaded.map(([key, { version }]) => [key, version])) as Record<keyof R, number>;
  return { keys, states, versions };
};

const replay = async <R extends StreamRefs, Response>(
  store: StreamSource,
  refs: R,
  response: Response,
): Promise<CommandHandlerResult<R, Response>> => {
  const { states } = await loadAll(store, refs);
  return { appended: false, replayed: true, events: {}, recorded: [], newState: states, response };
};

const decideAndAppend = async <R extends StreamRefs, Response>(
  store: HandleTarget,
  refs: R,
  decide: (states: StatesOf<R>) => EventsOf<R>,
  options: HandleOptions<R, Response>,
): Promise<CommandHandlerResult<R, Response>> => {
  const idem = options.idempotency;
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const { keys, states, versions } = await loadAll(store, refs);
    const events = decide(states);
    const newState = Object.fromEntries(
      keys.map((key) => [key, (events[key] ?? []).reduce<unknown>((s, e) => refs[key].evolve(s, e), states[key])]),
    ) as StatesOf<R>;
    const response = options.respond?.({ newState, events }) as Response;
    const writes: StreamWrite[] = keys
      .filter((key) => (events[key]?.length ?? 0) > 0)
      .map((key) => ({
        streamId: refs[key].streamId,
        expectedVersion: versions[key] === 0 ? 'no-stream' : versions[key],
        events: events[key] as readonly NewEvent[],
      }));
    try {
      const claim = idem && { key: idem.key, fingerprint: idem.fingerprint, response: idem.keepResponse === false ? null : response };
      const result = await store.append(writes, { ...options.context, ...(claim ? { idempotency: claim } : {}) });
      // Nothing appended with events decided: the key was claimed meanwhile, and its first answer stands.
      if (!result.appended && writes.length > 0) return replay(store, refs, result.response as Response);
      return { appended: result.appended, replayed: false, events, recorded: result.events, newState, response };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
};
