import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@ayllu/event-store';
import { WebhookEndpoints, type NetworkClass, type NewWebhookEndpoint, type NotificationConfig } from '@ayllu/notifications';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/database';
import { LogProcessor } from '../../processing/log-processor';
import { NotificationDispatcher, type DispatcherOptions } from '../delivery/dispatcher';
import { outboxProjection } from '../outbox/outbox.projection';

/** A database, an event store, a clock the test moves, the outbox and dispatchers over them. */
export interface NotificationHarness {
  readonly db: TestDatabase;
  readonly store: PostgresEventStore;
  readonly config: NotificationConfig;
  /** The PUBLIC_URL dispatchers link notifications under. */
  readonly publicUrl: string;
  readonly endpoints: WebhookEndpoints;
  now: Date;
  readonly clock: () => Date;
  readonly advance: (ms: number) => void;
  readonly createEndpoint: (input: Partial<NewWebhookEndpoint> & { url: string }) => Promise<{ id: string; secret: string }>;
  /** Appends one event the way the API does. */
  readonly append: (streamId: string, type: string, data: unknown) => Promise<void>;
  /** Moves the outbox to the end of the log. */
  readonly fillOutbox: () => Promise<void>;
  readonly dispatcher: (options?: Partial<DispatcherOptions>) => NotificationDispatcher;
  readonly close: () => Promise<void>;
}

export const startNotificationHarness = async (daoId: string): Promise<NotificationHarness> => {
  const db = await createTestDatabase();
  const store = new PostgresEventStore(db.pool);
  const config: NotificationConfig = { allowedNetworks: new Set<NetworkClass>(['loopback']), secretsKey: randomBytes(32) };
  const endpoints = new WebhookEndpoints(db.pool, config.secretsKey);
  const harness: NotificationHarness = {
    db,
    store,
    config,
    publicUrl: 'https://ayllu.example.org/coop',
    endpoints,
    now: new Date(),
    clock: () => harness.now,
    advance: (ms) => {
      harness.now = new Date(harness.now.getTime() + ms);
    },
    createEndpoint: async (input) => {
      const { endpoint, secret } = await endpoints.create(
        { daoId, events: '*', format: 'standard', description: '', ...input },
        harness.now,
      );
      return { id: endpoint.id, secret };
    },
    append: async (streamId, type, data) => {
      await store.append([{ streamId, expectedVersion: 'any', events: [{ type, data }] }], {
        actor: 'admin:test',
        correlationId: randomUUID(),
        occurredAt: harness.now.toISOString(),
      });
    },
    // Until the outbox has read the whole log: one pass may read nothing while a transaction is open anywhere on
    // the server (the log is read below the oldest one).
    fillOutbox: async () => {
      const runner = new LogProcessor(db.pool, store, [outboxProjection(harness.clock)]);
      const deadline = Date.now() + 30_000;
      for (;;) {
        await runner.catchUp();
        const { rows } = await db.pool.query<{ behind: boolean }>(
          `SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = 'notifications-outbox'), 0)
                  < (SELECT coalesce(max(global_position), 0) FROM events) AS behind`,
        );
        if (!rows[0].behind || Date.now() > deadline) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    dispatcher: (options = {}) =>
      new NotificationDispatcher(db.pool, store, { config, publicUrl: harness.publicUrl, now: harness.clock, timeoutMs: 2000, ...options }),
    close: () => db.drop(),
  };
  return harness;
};
