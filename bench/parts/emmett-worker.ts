// Runs Emmett's side of a benchmark in its own process. Emmett's connection layer (dumbo) replaces pg's
// global type parsers (int8 as BigInt, its own JSON reviver), which changes what every other pg client in
// the process reads: our store and projections must never share a process with it.
// Usage: node -r ./tools/register.js bench/parts/emmett-worker.ts '<job JSON>'; prints one JSON line.
import './pg-default-types';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { PROJECTIONS } from '../../apps/worker/src/projections/projections';
import { runWriters, voteLikeEvent } from './append-workloads';
import { rebuildWithEmmett } from './emmett-rebuild';

export type EmmettJob =
  | {
      kind: 'append';
      url: string;
      writers: number;
      perWriter: number;
      eventsPerCall: number;
      streamOf: 'single' | 'batch';
      streams: number;
      tag: string;
    }
  | { kind: 'rebuild'; url: string; batchSize: number; budgetSeconds: number };

const pick = (writers: number, streams: number, writer: number, i: number) => writer + writers * ((i * 37) % Math.floor(streams / writers));

const run = async (job: EmmettJob): Promise<unknown> => {
  if (job.kind === 'rebuild') {
    return rebuildWithEmmett(job.url, PROJECTIONS, job.batchSize, job.budgetSeconds);
  }
  const pool = new Pool({ connectionString: job.url, max: job.writers });
  const store = getPostgreSQLEventStore(job.url, { connectionOptions: { pooled: true, pool } });
  try {
    await store.appendToStream(`warmup-${job.tag}`, [voteLikeEvent(0)]);
    const events = Array.from({ length: job.eventsPerCall }, (_, i) => voteLikeEvent(i));
    return await runWriters(job.writers, job.perWriter, job.eventsPerCall, (w, i) =>
      store.appendToStream(
        job.streamOf === 'single' ? `emmett-s-${pick(job.writers, job.streams, w, i)}` : `emmett-b-${job.tag}-${w}-${i}`,
        job.streamOf === 'single' ? [voteLikeEvent(i)] : events,
      ),
    );
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
};

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as EmmettJob)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
