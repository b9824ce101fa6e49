export { PostgresEventStore } from './postgres-event-store';
export { EventNotifications } from './event-notifications';
export type { EventNotificationsOptions } from './event-notifications';
export { ConcurrencyError, IdempotencyKeyReusedError, IdempotencyKeysClaimedError } from './errors';
export { decodeJson, encodeJson, reviveBigints } from './json-codec';
export { EventStore1763683200000 } from './migrations/1763683200000-event-store';
export { NotifyFromApplication1763683400000 } from './migrations/1763683400000-notify-from-application';
export { START } from './types';
export { EVENTS_CHANNEL } from './postgres-event-store';
export type {
  AppendContext,
  AppendResult,
  Checkpoint,
  EventMetadata,
  ExpectedVersion,
  IdempotencyRequest,
  NewEvent,
  RecordedEvent,
  RecordedEventOf,
  StreamWrite,
} from './types';
export { handle } from './handle';
export type { CommandHandlerResult, EventOf, EventsOf, HandleOptions, HandleTarget, QueuedCommand, StatesOf, StreamRefs } from './handle';
export { CommandCombiner, MAX_COMBINED } from './command-combiner';
export type { CombinerTarget, CommandAppend } from './command-combiner';
export { loadStream, loadStreamWithEvents, withinCut } from './load-stream';
export type { LoadedStream, LoadedStreamWithEvents, LoadOptions, StreamSource } from './load-stream';
export type { LogCut, StreamRef } from './stream-ref';
export { StreamStateCache } from './stream-state-cache';
export { StreamLocks } from './stream-locks';
