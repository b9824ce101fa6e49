import { enqueueNotifications, NOTIFYING_EVENT_TYPES } from '@ayllu/notifications';
import { processor } from '../../processing/processor';

/**
 * The outbox: a log processor, so the checkpoint moves in the same transaction as the outbox rows. A
 * crash between an event and its send loses nothing; re-running a batch makes the same ids and inserts
 * nothing twice. It owns no tables a rebuild may empty: a rebuild from 0 would otherwise resend history.
 */
export const outboxProjection = (now: () => Date) =>
  processor({
    name: 'notifications-outbox',
    canHandle: NOTIFYING_EVENT_TYPES,
    async handle(tx, events) {
      await enqueueNotifications(tx, events, { now: now() });
    },
  });
