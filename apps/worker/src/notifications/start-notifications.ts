import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { LogProcessor } from '../processing/log-processor';
import type { WakeUps } from '../processing/drain-loop';
import { NotificationDispatcher } from './delivery/dispatcher';
import { loadNotificationConfig, type NotificationConfig } from '@ayllu/notifications';
import { outboxProjection } from './outbox/outbox.projection';

export interface NotificationsDependencies {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly logger: Logger;
  /** The log's notifications: each fills the outbox. Without them, call `wake`. */
  readonly wakeUps?: WakeUps;
  readonly config?: NotificationConfig;
  /** PUBLIC_URL (AppConfig.publicUrl), the base of every notification's link. */
  readonly publicUrl: string;
  readonly now?: () => Date;
}

export interface RunningNotifications {
  readonly outbox: LogProcessor;
  readonly dispatcher: NotificationDispatcher;
  /** Call when events may have been appended: fills the outbox, then delivers. */
  readonly wake: () => void;
  readonly stop: () => Promise<void>;
}

/** The notifications part of the worker: the outbox processor and the webhook dispatcher. */
export const startNotifications = async (deps: NotificationsDependencies): Promise<RunningNotifications> => {
  const now = deps.now ?? (() => new Date());
  const config = deps.config ?? loadNotificationConfig();
  const dispatcher = new NotificationDispatcher(deps.pool, deps.store, {
    config,
    publicUrl: deps.publicUrl,
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
  // Each committed outbox batch is sent at once, while the outbox goes on with the rest of the log.
  const outbox = new LogProcessor(deps.pool, deps.store, [outboxProjection(now)], {
    onError: (_name, error) => deps.logger.error({ err: error }, 'notification outbox batch failed; it will be retried'),
    afterBatch: () => void dispatcher.drain(),
  });
  dispatcher.start();
  if (deps.wakeUps) outbox.start({ wakeUps: deps.wakeUps });
  await outbox.catchUp();
  void dispatcher.drain();
  return {
    outbox,
    dispatcher,
    wake: () => void outbox.catchUp(),
    stop: async () => {
      // The outbox first: its last batch may still wake the dispatcher, whose stop then waits for that pass.
      await outbox.stop();
      await dispatcher.stop();
    },
  };
};
