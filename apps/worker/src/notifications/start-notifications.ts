import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ProjectionRunner } from '../projections/projection-runner';
import { NotificationDispatcher } from './delivery/dispatcher';
import { loadNotificationConfig, type NotificationConfig } from '@ayllu/notifications';
import { OutboxPump } from './outbox/outbox-pump';
import { outboxProjection } from './outbox/outbox.projection';

export interface NotificationsDependencies {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly logger: Logger;
  readonly config?: NotificationConfig;
  readonly now?: () => Date;
}

export interface RunningNotifications {
  readonly outbox: ProjectionRunner;
  readonly dispatcher: NotificationDispatcher;
  /** Call when events may have been appended: fills the outbox, then delivers. */
  readonly wake: () => void;
  readonly stop: () => Promise<void>;
}

/** The notifications part of the worker: the outbox subscription and the webhook dispatcher. */
export const startNotifications = async (deps: NotificationsDependencies): Promise<RunningNotifications> => {
  const now = deps.now ?? (() => new Date());
  const config = deps.config ?? loadNotificationConfig();
  const projection = outboxProjection(now);
  const outbox = new ProjectionRunner(deps.pool, deps.store, [projection]);
  const dispatcher = new NotificationDispatcher(deps.pool, deps.store, {
    config,
    now,
    onError: (error) => deps.logger.error({ err: error }, 'webhook delivery failed to record; the lease will retry it'),
    onAttempt: (claimed, outcome, result) =>
      deps.logger.debug(
        {
          notification: claimed.id,
          endpoint: claimed.endpointId,
          status: outcome.statusCode,
          error: outcome.error,
          verdict: result.verdict.kind,
        },
        'webhook attempt',
      ),
  });
  const pump = new OutboxPump(
    outbox,
    projection,
    () => void dispatcher.drain(),
    (error) => deps.logger.error({ err: error }, 'notification outbox batch failed; it will be retried'),
  );
  const wake = () => void pump.pump();
  dispatcher.start();
  await pump.pump();
  void dispatcher.drain();
  return {
    outbox,
    dispatcher,
    wake,
    stop: async () => {
      await dispatcher.stop();
      await pump.pump();
    },
  };
};
