import type { Event } from '../shared/decider';

/**
 * Stream `processing-<daoId>`: what the platform's log processors could not do for a DAO. Written by the
 * worker only, never by a command, so it cannot race the DAO aggregate's own stream: admins hear of a
 * quarantine through the notification outbox like any other DAO event.
 */
export type StreamQuarantined = Event<
  'StreamQuarantined',
  {
    readonly daoId: string;
    /** The processor that stopped applying the stream (`dao`, `proposals`, `notifications-outbox`, ...). */
    readonly processor: string;
    readonly streamId: string;
    /** The event that failed: its type and public log position (a decimal string). */
    readonly eventType: string;
    readonly logPosition: string;
    /** The error's message, truncated; never a stack or a secret. */
    readonly reason: string;
    readonly quarantinedAt: string;
  }
>;

export type ProcessingEvent = StreamQuarantined;

/** The stream only records; nothing is decided from it. */
export type ProcessingState = { readonly quarantines: number };

export const initialProcessingState = (): ProcessingState => ({ quarantines: 0 });

export const evolveProcessing = (state: ProcessingState, _event: ProcessingEvent): ProcessingState => ({
  quarantines: state.quarantines + 1,
});
