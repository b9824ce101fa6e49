import { pgDefaultTypes } from './pg-default-types';
import { postgreSQLProjection, rebuildPostgreSQLProjections } from '@event-driven-io/emmett-postgresql';
import type { PoolClient } from 'pg';
import { reviveBigints, type EventMetadata, type RecordedEvent } from '@ayllu/event-store';
import type { Processor } from '../../apps/worker/src/processing/processor';

interface EmmettRead {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

const EPOCH = new Date(0);

/** Emmett's read event as our projections see an event: same fields, same bigint revival as our reads. */
const toRecorded = (e: EmmettRead): RecordedEvent => ({
  streamId: String(e.metadata.streamName),
  version: Number(e.metadata.streamPosition),
  position: BigInt(e.metadata.globalPosition as bigint),
  transactionId: 0n,
  type: e.type,
  data: reviveBigints(e.data),
  metadata: (e.metadata.ayllu ?? {}) as EventMetadata,
  recordedAt: e.metadata.created instanceof Date ? e.metadata.created : EPOCH,
});

/**
 * The same read models rebuilt through Emmett's projection rebuild: Emmett reads its messages table,
 * batches, checkpoints and runs each projection's handler in its transaction; the handler is our
 * projection's own `apply`, so both runners do identical read-model work and only the machinery differs.
 */
export const rebuildWithEmmett = async (
  connectionString: string,
  projections: readonly Processor[],
  batchSize: number,
  budgetSeconds: number,
): Promise<{ events: number; seconds: number; finished: boolean }> => {
  // Emmett's rebuild is slow here (a few hundred events/s), so it runs for at most `budgetSeconds`
  // and the rate is taken over the prefix of the log it got through (the log is homogeneous).
  let handled = 0;
  const definitions = projections.map((projection) =>
    postgreSQLProjection({
      name: `bench-${projection.name}`,
      // Every type the seeded log holds (`apply` keeps the ones the projection handles, as in our loop).
      canHandle: ['DaoCreated', 'ProposalOpened', 'ProposalSubmitted', 'VoteCast'],
      handle: async (events, context) => {
        const client = context.connection.client as PoolClient;
        // Our rows parsed with pg's own parsers (as in the worker), not the ones dumbo installs globally.
        const tx = {
          query: (text: string, values?: unknown[]) => client.query({ text, values, types: pgDefaultTypes }),
        } as unknown as PoolClient;
        await projection.apply(tx, (events as unknown as EmmettRead[]).map(toRecorded));
        if (projection === projections[0]) handled += events.length;
      },
    }),
  );
  const consumer = rebuildPostgreSQLProjections({ connectionString, projections: definitions, pulling: { batchSize } });
  const start = process.hrtime.bigint();
  let finished = false;
  let result = { events: 0, seconds: 0, finished: false };
  try {
    const done = consumer.start().then(() => {
      finished = true;
    });
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, budgetSeconds * 1000).unref())]);
  } finally {
    // Read before close(): closing resolves start() too.
    const reachedEnd = finished;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await consumer.close();
    result = { events: handled, seconds, finished: reachedEnd };
  }
  return result;
};
