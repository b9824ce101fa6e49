import { EventNotifications, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import type { ReadCache } from './read-cache';

/** The projections whose read models the cached read-model routes answer from (rm_daos, rm_members; rm_proposals, rm_votes). */
export const CACHED_PROJECTIONS = ['dao', 'proposals'] as const;
/** Bumped when an answer's shape changes, so a client's ETag from an older API never matches. */
const REPRESENTATION = 'r2';

/**
 * The log's last event in commit order and the projections' checkpoints: their positions make the tag, and
 * the projections have caught up when each checkpoint is that event.
 */
const LOOK_SQL = `
SELECT h.global_position::text AS head,
       (SELECT string_agg(c.position::text, '-' ORDER BY c.name) FROM projection_checkpoints c WHERE c.name = ANY($1::text[])) AS checkpoint,
       (SELECT count(*) FROM projection_checkpoints c
         WHERE c.name = ANY($1::text[]) AND c.transaction_id = h.transaction_id AND c.position = h.global_position) = cardinality($1::text[])
         OR h.global_position IS NULL AS projected
FROM (SELECT 1) one
LEFT JOIN LATERAL (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) h ON true`;

const LAGGING_RECHECK_MS = 20;

export interface ReadCacheWatcherOptions {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly cache: ReadCache;
  /** How often to look even without a notification (a lost NOTIFY, a transaction that notified before committing). */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Keeps the read cache honest. An append by this process empties it synchronously, before the writer's client
 * is answered; a NOTIFY from any other process (the worker, another replica) empties it on arrival; either way
 * the watcher then reads the log's head and the projection's checkpoint, and the cache serves again only from
 * that look on. While a projection lags the log, it looks again every 20 ms, so read-model answers are
 * neither cached nor tagged until the read model has caught up.
 */
export class ReadCacheWatcher {
  private readonly notifications: EventNotifications;
  private unsubscribe: (() => void)[] = [];
  private looking = false;
  private lookAgain = false;
  private recheck: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: ReadCacheWatcherOptions) {
    const { host, port, user, password, database, connectionString, ssl } = options.pool.options;
    this.notifications = new EventNotifications({
      connection: { host, port, user, password, database, connectionString, ssl },
      // Its own timer would count as a change; the watcher polls below, emptying the cache only if the tag moved.
      pollIntervalMs: 3_600_000,
      onError: options.onError,
    });
  }

  async start(): Promise<void> {
    this.unsubscribe = [this.options.store.onAppended(() => this.changed()), this.notifications.subscribe(() => this.changed())];
    await this.notifications.start();
    this.poll = setInterval(() => void this.look(), this.options.pollIntervalMs ?? 1000);
    this.poll.unref();
    await this.look();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribe) u();
    if (this.recheck) clearTimeout(this.recheck);
    if (this.poll) clearInterval(this.poll);
    await this.notifications.stop();
  }

  private changed(): void {
    this.options.cache.invalidate();
    // While the read model lags, a look is already due within 20 ms: under a stream of writes, one look per
    // recheck instead of one per append (the cache serves nothing until a look finds it caught up anyway).
    if (this.recheck) return;
    void this.look();
  }

  private async look(): Promise<void> {
    if (this.stopped) return;
    if (this.looking) {
      this.lookAgain = true;
      return;
    }
    this.looking = true;
    const generation = this.options.cache.currentGeneration;
    try {
      const { rows } = await this.options.pool.query<{ head: string | null; checkpoint: string | null; projected: boolean }>(LOOK_SQL, [
        CACHED_PROJECTIONS,
      ]);
      const { head, checkpoint, projected } = rows[0];
      this.options.cache.settle(`${REPRESENTATION}-${head ?? 0}-${checkpoint ?? 0}`, projected, generation);
      if (!projected && !this.recheck && !this.stopped) {
        this.recheck = setTimeout(() => {
          this.recheck = null;
          void this.look();
        }, LAGGING_RECHECK_MS);
        this.recheck.unref();
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.looking = false;
      if (this.lookAgain) {
        this.lookAgain = false;
        void this.look();
      }
    }
  }
}
