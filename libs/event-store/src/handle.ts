import { loadStream, type StreamSource } from './load-stream';
import type { StreamRef } from './stream-ref';
import type { AppendContext, RecordedEvent } from './types';

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
  /**
   * Streams (by their names in `refs`) this command mostly reads, held shared in this process: commands that
   * share them run side by side (votes on several proposals of one DAO), and one that holds them exclusively
   * waits for all of them (see StreamLocks). An append to such a stream still meets its expected version.
   */
  readonly shared?: readonly (keyof R & string)[];
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

/** One command on its way through the store: its streams, its decision, and how to answer it. */
export interface QueuedCommand<R extends StreamRefs, Response> {
  readonly refs: R;
  readonly decide: (states: StatesOf<R>) => EventsOf<R>;
  readonly options: HandleOptions<R, Response>;
}

/** What handling needs of the store (structural, so the store can offer `handle` without an import cycle). */
export interface HandleTarget extends StreamSource {
  /** Runs commands, combining those queued on the same streams (see command-combiner.ts). */
  readonly commands: {
    submit<R extends StreamRefs, Response>(command: QueuedCommand<R, Response>): Promise<CommandHandlerResult<R, Response>>;
  };
  findIdempotentResponse(key: string, fingerprint: string): Promise<{ response: unknown } | undefined>;
}

/**
 * The one command path: load every stream, decide, append every stream's events in one transaction with each
 * stream's expected version. A conflict on any stream re-decides against the newer states, a few times, then
 * the ConcurrencyError surfaces. Commands on the same streams in this process queue, and the ones that queued
 * together are decided one after another and appended together (CommandCombiner).
 */
export const handle = async <R extends StreamRefs, Response = undefined>(
  store: HandleTarget,
  refs: R,
  decide: (states: StatesOf<R>) => EventsOf<R>,
  options: HandleOptions<R, Response>,
): Promise<CommandHandlerResult<R, Response>> => {
  const idem = options.idempotency;
  // A retried request is answered from its key before deciding: deciding again could now be refused (the
  // DAO it created exists), and the client must get the first answer, not that refusal. A key that keeps no
  // answer (a signed message's nonce) is not looked up: a replay is refused whatever it decides, and the
  // append's own claim (or, for a refusal, the look-up after it) finds it.
  const earlier = idem && idem.keepResponse !== false && (await store.findIdempotentResponse(idem.key, idem.fingerprint));
  if (earlier) return replay(store, refs, earlier.response as Response);
  return store.commands.submit({ refs, decide, options });
};

/** Each stream's state now, by the names the command uses. */
export const loadAll = async <R extends StreamRefs>(store: StreamSource, refs: R): Promise<StatesOf<R>> => {
  const keys = Object.keys(refs);
  const loaded = await Promise.all(keys.map(async (key) => [key, (await loadStream(store, refs[key])).state] as const));
  return Object.fromEntries(loaded) as StatesOf<R>;
};

/** The answer to a request whose key was claimed earlier: its first answer, beside the states as they are now. */
export const replay = async <R extends StreamRefs, Response>(
  store: StreamSource,
  refs: R,
  response: Response,
): Promise<CommandHandlerResult<R, Response>> => ({
  appended: false,
  replayed: true,
  events: {},
  recorded: [],
  newState: await loadAll(store, refs),
  response,
});
