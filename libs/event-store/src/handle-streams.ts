import { ConcurrencyError } from './errors';
import { loadFolded } from './stream-state-cache';
import type { HandledCommand } from './handle-command';
import type { PostgresEventStore } from './postgres-event-store';
import type { AppendContext, IdempotencyRequest, NewEvent, StreamWrite } from './types';

/** How to fold one stream: the evolve/initialState half of a domain decider, and where it lives. */
export interface StreamFold<S, E extends NewEvent = NewEvent> {
  readonly streamId: string;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFolds = Record<string, StreamFold<any, any>>;
type States<F extends AnyFolds> = { [K in keyof F]: F[K] extends StreamFold<infer S> ? S : never };
type Decided<F extends AnyFolds> = {
  [K in keyof F]?: readonly (F[K] extends StreamFold<unknown, infer E> ? E : NewEvent)[];
};

export interface HandleStreamsOptions<F extends AnyFolds> {
  readonly store: PostgresEventStore;
  readonly streams: F;
  /** The domain use case: current states in, new events per stream out. */
  readonly decide: (states: States<F>) => Decided<F>;
  readonly context: Omit<AppendContext, 'idempotency'>;
  readonly idempotency?: Omit<IdempotencyRequest, 'response'>;
  readonly respond?: (states: States<F>, decided: Decided<F>) => unknown;
  readonly maxAttempts?: number;
}

/**
 * A use case over several streams (a vote touches its proposal, a proposal its DAO): load each, decide
 * once, append every stream's events in one transaction with each stream's expected version. A conflict
 * on any of them re-decides against the newer states.
 */
export const handleStreams = async <F extends AnyFolds>(options: HandleStreamsOptions<F>): Promise<HandledCommand> => {
  const idem = options.idempotency;
  const replay = idem && (await options.store.findIdempotentResponse(idem.key, idem.fingerprint));
  if (replay) return { appended: false, events: [], response: replay.response };
  const keys = Object.keys(options.streams) as (keyof F & string)[];
  const release = await options.store.streamLocks.acquire(keys.map((key) => options.streams[key]!.streamId));
  try {
    return await decideAndAppendAll(options, keys);
  } finally {
    release();
  }
};

const decideAndAppendAll = async <F extends AnyFolds>(
  options: HandleStreamsOptions<F>,
  keys: (keyof F & string)[],
): Promise<HandledCommand> => {
  const idem = options.idempotency;
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const loaded = await Promise.all(
      keys.map(async (key) => {
        const fold = options.streams[key]!;
        return [key, await loadFolded(options.store, fold.streamId, fold)] as const;
      }),
    );
    const states = Object.fromEntries(loaded.map(([k, v]) => [k, v.state])) as States<F>;
    const decided = options.decide(states);
    const writes: StreamWrite[] = loaded
      .filter(([key]) => (decided[key]?.length ?? 0) > 0)
      .map(([key, { version }]) => ({
        streamId: options.streams[key]!.streamId,
        expectedVersion: version === 0 ? 'no-stream' : version,
        events: decided[key] as readonly NewEvent[],
      }));
    const response = options.respond?.(states, decided);
    try {
      const result = await options.store.append(writes, {
        ...options.context,
        ...(idem ? { idempotency: { ...idem, response } } : {}),
      });
      return { appended: result.appended, events: result.events, response: result.appended || !idem ? response : result.response };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
};
