import { randomUUID } from 'node:crypto';
import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';

/** Sessions of this test's database (other than the asking one) that sit inside an open transaction. */
export async function openTransactions(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
  );
  return rows[0].n;
}

/**
 * Appends an event to a stream of its own and says whether a commit-safe reader of the global log (which
 * reads below the oldest open transaction) gets to it within `withinMs`. Other databases of the same server
 * (other test files) may hold it back for a moment, which is why it waits; a transaction held open in this
 * database for the whole time holds it back for good.
 */
export async function logReadsPastNewEvent(store: PostgresEventStore, withinMs = 10_000): Promise<boolean> {
  const { events } = await store.append(
    [
      {
        streamId: streams.processing.of(`probe_${randomUUID()}`).streamId,
        expectedVersion: 'no-stream',
        events: [{ type: 'Probe', data: {} }],
      },
    ],
    { actor: 'system:test', correlationId: randomUUID(), occurredAt: new Date().toISOString() },
  );
  const deadline = Date.now() + withinMs;
  for (;;) {
    if ((await store.checkpointAt(events[0].position)) !== null) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A promise the test settles by hand, and a promise that settles when the code under test reached it. */
export function gate(): { readonly reached: Promise<void>; readonly wait: () => Promise<void>; readonly open: () => void } {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return {
    reached,
    open,
    wait: () => {
      reach();
      return opened;
    },
  };
}
