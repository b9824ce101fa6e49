export { PostgresEventStore } from './postgres-event-store';
export { EventNotifications } from './event-notifications';
export type { EventNotificationsOptions } from './event-notifications';
export { ConcurrencyError, IdempotencyKeyReusedError } from './errors';
export { decodeJson, encodeJson, reviveBigints } from './json-codec';
export { EventStore1763683200000 } from './migrations/1763683200000-event-store';
export { NotifyFromApplication1763683400000 } from './migrations/1763683400000-notify-from-application';
export { START } from './types';
export type {
  AppendContext,
  AppendResult,
  Checkpoint,
  EventMetadata,
  ExpectedVersion,
  IdempotencyRequest,
  NewEvent,
  RecordedEvent,
  StreamWrite,
} from './types';
export { handleCommand, loadStream } from './handle-command';
export type { HandleCommandOptions, HandledCommand, LoadedStream, StreamDecider } from './handle-command';
export { handleStreams } from './handle-streams';
export type { HandleStreamsOptions, StreamFold } from './handle-streams';
export { loadFolded, StreamStateCache } from './stream-state-cache';
export type { Fold } from './stream-state-cache';
export { StreamLocks } from './stream-locks';
