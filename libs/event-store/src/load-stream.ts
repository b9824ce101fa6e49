import type { StreamStateCache } from './stream-state-cache';
import type { LogCut, StreamRef } from './stream-ref';
import type { NewEvent, RecordedEvent } from './types';

/** What loading needs of the store (structural, so the store can own its cache without an import cycle). */
export interface StreamSource {
  readonly stateCache: StreamStateCache;
  readStream(streamId: string, afterVersion?: number): Promise<RecordedEvent[]>;
}

export interface LoadOptions {
  /** Load the stream as it stood at this cut of the log; the present when absent. */
  readonly asOf?: LogCut | null;
}

export interface LoadedStream<S> {
  readonly state: S;
  /** How many events were folded: the stream's version (at the cut). */
  readonly version: number;
}

export interface LoadedStreamWithEvents<S> extends LoadedStream<S> {
  /** The events folded, in stream order. */
  readonly events: readonly RecordedEvent[];
}

/**
 * The part of a stream inside a cut. By time it is the prefix recorded at or before the instant (a prefix,
 * so a stream is never shown with a hole); by position, the events at or before the checkpoint in
 * (transaction, position) order, all of which had committed.
 */
export const withinCut = (events: readonly RecordedEvent[], cut: LogCut | null | undefined): RecordedEvent[] => {
  if (!cut) return [...events];
  if (cut.kind === 'time') {
    const end = events.findIndex((e) => e.recordedAt.getTime() > cut.at.getTime());
    return end === -1 ? [...events] : events.slice(0, end);
  }
  const { transactionId, position } = cut.checkpoint;
  return events.filter((e) => e.transactionId < transactionId || (e.transactionId === transactionId && e.position <= position));
};

const foldFrom = <S, E extends NewEvent>(ref: StreamRef<S, E>, state: S, events: readonly RecordedEvent[]): S => {
  let folded = state;
  // A stream holds only its kind's events: the catalogue that named the stream also names its event type.
  for (const event of events) folded = ref.evolve(folded, { type: event.type, data: event.data } as E);
  return folded;
};

/**
 * A stream's state: in the present from the shared cache plus the events after it (the write side and the
 * reads share folds, so a 1,000-ballot proposal is not refolded per read); as of a cut, folded from the
 * start up to the cut.
 */
export const loadStream = async <S, E extends NewEvent>(
  store: StreamSource,
  ref: StreamRef<S, E>,
  options: LoadOptions = {},
): Promise<LoadedStream<S>> => {
  if (options.asOf) {
    const events = withinCut(await store.readStream(ref.streamId), options.asOf);
    return { state: foldFrom(ref, ref.initialState(), events), version: events.length };
  }
  const cached = store.stateCache.get<S>(ref.streamId, ref.evolve);
  const from = cached?.version ?? 0;
  const events = await store.readStream(ref.streamId, from);
  const state = foldFrom(ref, cached ? cached.state : ref.initialState(), events);
  const version = from + events.length;
  store.stateCache.set(ref.streamId, ref.evolve, state, version);
  return { state, version };
};

/** As `loadStream`, with every event folded (a history to show beside the state). */
export const loadStreamWithEvents = async <S, E extends NewEvent>(
  store: StreamSource,
  ref: StreamRef<S, E>,
  options: LoadOptions = {},
): Promise<LoadedStreamWithEvents<S>> => {
  const events = withinCut(await store.readStream(ref.streamId), options.asOf);
  if (options.asOf) return { state: foldFrom(ref, ref.initialState(), events), version: events.length, events };
  const cached = store.stateCache.get<S>(ref.streamId, ref.evolve);
  const state =
    cached && cached.version <= events.length
      ? foldFrom(ref, cached.state, events.slice(cached.version))
      : foldFrom(ref, ref.initialState(), events);
  store.stateCache.set(ref.streamId, ref.evolve, state, events.length);
  return { state, version: events.length, events };
};
