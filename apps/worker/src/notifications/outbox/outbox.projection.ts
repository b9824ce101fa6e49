import type { Projection } from '../../projections/projection';
import { enqueueNotifications } from '@ayllu/notifications';

/**
 * The outbox: a log subscription run by the projection runner, so the checkpoint moves in the same
 * transaction as the outbox rows. A crash between an event and its send loses nothing; re-running a
 * batch makes the same ids and inserts nothing twice. It owns no tables a rebuild may empty: a rebuild
 * from 0 would otherwise resend history.
 */
export const outboxProjection = (now: () => Date): Projection => ({
  name: 'notifications-outbox',
  tables: [],
  async apply(tx, events) {
    await enqueueNotifications(tx, events, { now: now() });
  },
});
