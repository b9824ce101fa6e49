import type { Checkpoint, NewEvent } from './types';

/**
 * One stream: where it lives and how its events fold (structurally the domain catalogue's `StreamRef`;
 * the store never makes stream ids itself).
 */
export interface StreamRef<S, E extends NewEvent = NewEvent> {
  readonly streamId: string;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** A point in the log's history: every event recorded at or before a time, or at or before a position. */
export type LogCut = { readonly kind: 'time'; readonly at: Date } | { readonly kind: 'position'; readonly checkpoint: Checkpoint };
