import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PostgresEventStore } from '@ayllu/event-store';
import { msSince } from '../harness/stats';

/** What one workload run measured: every call's latency and how many events it wrote. */
export interface RunResult {
  readonly events: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** An event shaped like a VoteCast (about 200 bytes of data), so payload sizes resemble production. */
export const voteLikeEvent = (i: number) => ({
  type: 'VoteCast',
  data: {
    proposalId: `prop_${(i % 997).toString(16).padStart(24, '0')}`,
    voter: `0x${(i * 2654435761).toString(16).padStart(40, 'a').slice(0, 40)}`,
    choice: i % 3 === 0 ? 'against' : 'for',
    weight: '1',
    castAt: '2026-11-20T12:00:00.000Z',
  },
});

/**
 * Runs `writers` concurrent loops, each calling `call(writer, i)` `perWriter` times; every call writes
 * `eventsPerCall` events. Latency is measured per call, from the call to its resolution.
 */
export const runWriters = async (
  writers: number,
  perWriter: number,
  eventsPerCall: number,
  call: (writer: number, i: number) => Promise<unknown>,
): Promise<RunResult> => {
  const latenciesMs: number[] = [];
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < perWriter; i++) {
        const t = process.hrtime.bigint();
        await call(writer, i);
        latenciesMs.push(msSince(t));
      }
    }),
  );
  return { events: writers * perWriter * eventsPerCall, seconds: msSince(start) / 1000, latenciesMs };
};

const CONTEXT = { actor: 'system:bench', correlationId: '00000000-0000-4000-8000-000000000000', occurredAt: '2026-11-20T12:00:00.000Z' };

/** Our store: one append of `events` to `streamId`, expected version `any` (what Emmett does by default). */
export const oursAppend = (store: PostgresEventStore, streamId: string, events: readonly { type: string; data: unknown }[]) =>
  store.append([{ streamId, expectedVersion: 'any', events }], CONTEXT);

// COPY text format: JSON.stringify never emits raw tabs or newlines, so only backslashes need doubling.
const copyField = (json: string): string => json.replace(/\\/g, '\\\\');

/**
 * The floor of what inserting these rows costs: COPY of the same columns into the same `events` table
 * (same indexes, same trigger), with versions computed by the client and no concurrency check at all.
 */
export const copyAppend = async (pool: Pool, streamId: string, events: readonly { type: string; data: unknown }[]): Promise<void> => {
  const lines = events.map((event, i) => {
    const metadata = { ...CONTEXT, eventId: randomUUID(), causationId: null, idempotencyKey: null };
    return `${streamId}\t${i + 1}\t${metadata.eventId}\t${event.type}\t${copyField(JSON.stringify(event.data))}\t${copyField(JSON.stringify(metadata))}\n`;
  });
  const client = await pool.connect();
  try {
    const sink = client.query(copyFrom('COPY events (stream_id, version, event_id, type, data, metadata) FROM STDIN'));
    await pipeline(Readable.from([lines.join('')]), sink);
  } finally {
    client.release();
  }
};
