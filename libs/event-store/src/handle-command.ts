import { ConcurrencyError } from './errors';
import { loadFolded } from './stream-state-cache';
import type { PostgresEventStore } from './postgres-event-store';
import type { AppendContext, IdempotencyRequest, NewEvent, RecordedEvent } from './types';

/** The part of a domain decider the store needs (structurally the domain's `Decider`). */
export interface StreamDecider<C, E extends NewEvent, S> {
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export interface LoadedStream<S> {
  readonly state: S;
  readonly version: number;
}

export const loadStream = async <E extends NewEvent, S>(
  store: PostgresEventStore,
  streamId: string,
  decider: Pick<StreamDecider<never, E, S>, 'evolve' | 'initialState'>,
): Promise<LoadedStream<S>> => {
  return loadFolded(store, streamId, decider);
};

export interface HandleCommandOptions<C, E extends NewEvent, S> {
  readonly store: PostgresEventStore;
  readonly streamId: string;
  readonly decider: StreamDecider<C, E, S>;
  readonly command: C;
  readonly context: Omit<AppendContext, 'idempotency'>;
  /** Scope of an idempotent request; the response is computed from the new state. */
  readonly idempotency?: Omit<IdempotencyRequest, 'response'>;
  readonly respond?: (state: S, events: readonly E[]) => unknown;
  readonly maxAttempts?: number;
}

export interface HandledCommand {
  readonly appended: boolean;
  readonly events: readonly RecordedEvent[];
  readonly response: unknown;
}

/**
 * Load, decide, append; on a concurrency conflict decide again against the newer state, a few times,
 * then let the ConcurrencyError surface (the API answers 409).
 */
export const handleCommand = async <C, E extends NewEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand> => {
  const idem = options.idempotency;
  // A retried request is answered from the key before deciding: deciding again could now be refused
  // (the DAO it created exists), and the client must get the first answer, not that refusal.
  const replay = idem && (await options.store.findIdempotentResponse(idem.key, idem.fingerprint));
  if (replay) return { appended: false, events: [], response: replay.response };
  const release = await options.store.streamLocks.acquire([options.streamId]);
  try {
    return await decideAndAppend(options);
  } catch (error) {
    // Two copies of one request raced: the loser's refusal is replaced by the winner's answer.
    const raced = idem && (await options.store.findIdempotentResponse(idem.key, idem.fingerprint));
    if (raced) return { appended: false, events: [], response: raced.response };
    throw error;
  } finally {
    release();
  }
};

const decideAndAppend = async <C, E extends NewEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand> => {
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadStream(options.store, options.streamId, options.decider);
    const events = options.decider.decide(options.command, state);
    const next = events.reduce(options.decider.evolve, state);
    const response = options.respond?.(next, events);
    try {
      const result = await options.store.append(
        [{ streamId: options.streamId, expectedVersion: version === 0 ? 'no-stream' : version, events }],
        { ...options.context, ...(options.idempotency ? { idempotency: { ...options.idempotency, response } } : {}) },
      );
      return { appended: result.appended, events: result.events, response: result.appended ? response : result.response };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
};
