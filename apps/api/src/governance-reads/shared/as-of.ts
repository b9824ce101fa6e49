import { START, type Checkpoint, type PostgresEventStore, type RecordedEvent } from '@ayllu/event-store';
import { problem, ProblemException } from '../../shared/problem';

/** A point in the log's history: every event recorded at or before a time, or at or before a position. */
export type LogCut = { readonly kind: 'time'; readonly at: Date } | { readonly kind: 'position'; readonly checkpoint: Checkpoint };

export const AS_OF_PATTERN = /^(\d{1,19}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/;
export const AS_OF_MESSAGE = 'must be an ISO-8601 time with a zone (2026-01-31T12:00:00Z) or a log position (digits)';

const badAsOf = (message: string) =>
  new ProblemException(problem(400, 'REQUEST.INVALID', 'Invalid fields: asOf', { errors: [{ field: 'asOf', message }] }));

/**
 * Turns `?asOf=` into a cut. A position is mapped to its commit-safe checkpoint, so "as of position p"
 * means exactly what a reader of the log had seen once it reached p; 0 means before the first event.
 */
export const parseAsOf = async (raw: string, store: PostgresEventStore): Promise<LogCut> => {
  if (!AS_OF_PATTERN.test(raw)) throw badAsOf(AS_OF_MESSAGE);
  if (/^\d+$/.test(raw)) {
    const position = BigInt(raw);
    if (position === 0n) return { kind: 'position', checkpoint: START };
    const checkpoint = await store.checkpointAt(position);
    if (!checkpoint) throw badAsOf(`${raw} is not a committed position of the log`);
    return { kind: 'position', checkpoint };
  }
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw badAsOf(AS_OF_MESSAGE);
  return { kind: 'time', at };
};

/**
 * The part of a stream inside the cut. By time it is the prefix recorded at or before the instant (a
 * prefix, so a stream is never shown with a hole); by position, the events at or before the checkpoint
 * in (transaction, position) order, all of which had committed.
 */
export const withinCut = (events: readonly RecordedEvent[], cut: LogCut | null): RecordedEvent[] => {
  if (!cut) return [...events];
  if (cut.kind === 'time') {
    const end = events.findIndex((e) => e.recordedAt.getTime() > cut.at.getTime());
    return end === -1 ? [...events] : events.slice(0, end);
  }
  const { transactionId, position } = cut.checkpoint;
  return events.filter((e) => e.transactionId < transactionId || (e.transactionId === transactionId && e.position <= position));
};

/** Folds a stream (up to the cut) with a domain evolve. */
export const foldStream = async <S>(
  store: PostgresEventStore,
  streamId: string,
  fold: { evolve: (state: S, event: never) => S; initialState: () => S },
  cut: LogCut | null,
): Promise<{ state: S; events: RecordedEvent[] }> => {
  const events = withinCut(await store.readStream(streamId), cut);
  const apply = (from: S, tail: readonly RecordedEvent[]) =>
    tail.reduce((s, e) => fold.evolve(s, { type: e.type, data: e.data } as never), from);
  if (cut) return { state: apply(fold.initialState(), events), events };
  // The present: start from the store's cached fold (shared with the write side) when it is not ahead of
  // what we read. Folding a 1,000-ballot proposal from scratch on every read copied its ballots 1,000 times.
  const cached = store.stateCache.get<S>(streamId, fold.evolve);
  const state =
    cached && cached.version <= events.length ? apply(cached.state, events.slice(cached.version)) : apply(fold.initialState(), events);
  store.stateCache.set(streamId, fold.evolve, state, events.length);
  return { state, events };
};
