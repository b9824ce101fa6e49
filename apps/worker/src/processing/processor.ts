import type { DomainEvent, DomainEventType, Event } from '@ayllu/domain';
import type { RecordedEvent, RecordedEventOf } from '@ayllu/event-store';
import type { PoolClient } from 'pg';

/** A recorded domain event of one of the given types; checking `type` narrows `data` to that event's. */
export type RecordedDomainEvent<T extends DomainEventType = DomainEventType> = RecordedEventOf<Extract<DomainEvent, { type: T }>>;

/** What a processor says about itself (after Emmett's projections: `canHandle` and `handle`). */
export interface ProcessorDefinition<T extends E['type'], E extends Event> {
  /** Names its checkpoint and its lock; stable across releases. */
  readonly name: string;
  /** Tables it owns: a rebuild empties them. Leave out when a replay from 0 must not repeat its effects. */
  readonly tables?: readonly string[];
  /** The event types it reacts to; the loop still moves its checkpoint past every other event. */
  readonly canHandle: readonly T[];
  /**
   * Reacts to a batch's events of those types, in log order, inside the loop's transaction, which also moves
   * the checkpoint: write through `tx` only and never commit. Not called for a batch with none of them.
   */
  readonly handle: (tx: PoolClient, events: readonly RecordedEventOf<Extract<E, { type: T }>>[], memory: ProcessorMemory) => Promise<void>;
}

/**
 * What a processor may keep between its batches in one process (the log processor owns one per processor and
 * empties it on a rebuild). Anything in it may be stale: another worker may have run batches in between, and a
 * batch that rolled back leaves what it remembered behind. A processor checks it against its tables (a row's
 * version, say) before trusting it.
 */
export type ProcessorMemory = Map<string, unknown>;

/** A processor as the loop runs it: events in, writes through the batch's transaction. */
export interface Processor {
  readonly name: string;
  readonly tables: readonly string[];
  readonly canHandle: readonly string[];
  /** Hands the events of a batch it handles to `handle`; without `memory`, nothing is carried to the next batch. */
  readonly apply: (tx: PoolClient, events: readonly RecordedEvent[], memory?: ProcessorMemory) => Promise<void>;
}

/**
 * Declares something that reacts to the log. `E` is the domain's union unless a test brings its own events.
 *
 * ```ts
 * export const proposalsProjection = processor({
 *   name: 'proposals',
 *   tables: ['rm_proposals', 'rm_votes'],
 *   canHandle: ['ProposalSubmitted', 'VoteCast'],
 *   handle: async (tx, events) => { ... }, // events: RecordedEvent<'ProposalSubmitted', ...> | RecordedEvent<'VoteCast', ...>
 * });
 * ```
 */
export const processor = <T extends E['type'], E extends Event = DomainEvent>(definition: ProcessorDefinition<T, E>): Processor => {
  const handled = new Set<string>(definition.canHandle);
  // The log's contract: an event's type says the shape of its data (the domain defines both).
  const handles = (event: RecordedEvent): event is RecordedEventOf<Extract<E, { type: T }>> => handled.has(event.type);
  return {
    name: definition.name,
    tables: definition.tables ?? [],
    canHandle: definition.canHandle,
    apply: async (tx, events, memory = new Map()) => {
      const mine = events.filter(handles);
      if (mine.length > 0) await definition.handle(tx, mine, memory);
    },
  };
};
