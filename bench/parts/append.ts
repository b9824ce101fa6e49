import { Pool } from 'pg';
import { PostgresEventStore } from '@ayllu/event-store';
import { runJsonChild } from '../harness/children';
import { fmtInt, percentile, round, times } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';
import type { EmmettJob } from './emmett-worker';
import { copyAppend, oursAppend, runWriters, voteLikeEvent, type RunResult } from './append-workloads';

const WRITERS = 16;
const STREAMS = 1_000;
const BATCH = 100;

interface Summary {
  readonly eventsPerSecond: number;
  readonly callsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly events: number;
}

/** The median round by throughput, with the latency percentiles of every round's calls together. */
const summarise = (runs: readonly RunResult[], eventsPerCall: number): Summary => {
  const rates = runs.map((r) => r.events / r.seconds).sort((a, b) => a - b);
  const latencies = runs.flatMap((r) => r.latenciesMs);
  const eventsPerSecond = rates[Math.floor(rates.length / 2)];
  return {
    eventsPerSecond,
    callsPerSecond: eventsPerSecond / eventsPerCall,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    events: runs.reduce((n, r) => n + r.events, 0),
  };
};

const row = (system: string, s: Summary, baseline: Summary, baselineName: string) => ({
  system,
  'events/s': fmtInt(s.eventsPerSecond),
  'appends/s': fmtInt(s.callsPerSecond),
  'p50 ms': round(s.p50Ms),
  'p99 ms': round(s.p99Ms),
  [`vs ${baselineName}`]: times(s.eventsPerSecond / baseline.eventsPerSecond),
});

/**
 * Part 1. Our store, Emmett's PostgreSQL store and raw COPY on the same database, same pool size, same
 * 16 writers, rounds interleaved (ours, Emmett, COPY, ours, ...) so the machine's noise falls on all alike.
 */
export const runAppend = async (ctx: BenchContext): Promise<PartResult> => {
  const started = Date.now();
  const rounds = 3;
  const singlePerWriter = ctx.full ? 1_000 : 150;
  const batchPerWriter = ctx.full ? 60 : 10;
  const ourPool = new Pool({ connectionString: ctx.databaseUrl, max: WRITERS });
  const ours = new PostgresEventStore(ourPool);
  // Emmett runs in a child process: its driver layer replaces pg's global type parsers (emmett-worker.ts).
  const emmett = (job: Omit<Extract<EmmettJob, { kind: 'append' }>, 'kind' | 'url' | 'writers' | 'streams'>) =>
    runJsonChild<RunResult>('bench/parts/emmett-worker.ts', {
      kind: 'append',
      url: ctx.databaseUrl,
      writers: WRITERS,
      streams: STREAMS,
      ...job,
    });
  const single = { ours: [] as RunResult[], emmett: [] as RunResult[] };
  const batch = { ours: [] as RunResult[], emmett: [] as RunResult[], copy: [] as RunResult[] };
  try {
    // Warm-up: creates Emmett's schema (its auto-migration) and warms the pool and plans.
    await emmett({ perWriter: 1, eventsPerCall: 1, streamOf: 'single', tag: 'warmup' });
    await oursAppend(ours, 'warmup-ours', [voteLikeEvent(0)]);
    // Each writer owns the streams s with s % WRITERS === writer, visited in a scattered order: no two
    // writers race on one stream (in production a stream's commands come through one handler at a time).
    const pick = (writer: number, i: number) => writer + WRITERS * ((i * 37) % Math.floor(STREAMS / WRITERS));
    for (let round = 0; round < rounds; round++) {
      ctx.log(`append: round ${round + 1}/${rounds}, 1-event appends`);
      single.ours.push(
        await runWriters(WRITERS, singlePerWriter, 1, (w, i) => oursAppend(ours, `ours-s-${pick(w, i)}`, [voteLikeEvent(i)])),
      );
      single.emmett.push(await emmett({ perWriter: singlePerWriter, eventsPerCall: 1, streamOf: 'single', tag: `s${round}` }));
      ctx.log(`append: round ${round + 1}/${rounds}, ${BATCH}-event batches`);
      const events = Array.from({ length: BATCH }, (_, i) => voteLikeEvent(i));
      batch.ours.push(await runWriters(WRITERS, batchPerWriter, BATCH, (w, i) => oursAppend(ours, `ours-b-${round}-${w}-${i}`, events)));
      batch.emmett.push(await emmett({ perWriter: batchPerWriter, eventsPerCall: BATCH, streamOf: 'batch', tag: `${round}` }));
      batch.copy.push(await runWriters(WRITERS, batchPerWriter, BATCH, (w, i) => copyAppend(ourPool, `copy-b-${round}-${w}-${i}`, events)));
    }
  } finally {
    await ourPool.end();
  }
  const s = { ours: summarise(single.ours, 1), emmett: summarise(single.emmett, 1) };
  const b = { ours: summarise(batch.ours, BATCH), emmett: summarise(batch.emmett, BATCH), copy: summarise(batch.copy, BATCH) };
  const singleRatio = s.ours.eventsPerSecond / s.emmett.eventsPerSecond;
  const copyRatio = b.ours.eventsPerSecond / b.copy.eventsPerSecond;
  return {
    id: 'append',
    title: '1. Append',
    settings: {
      writers: WRITERS,
      'streams (1-event)': `${STREAMS}, partitioned among the writers`,
      'pool size per store': WRITERS,
      rounds: `${rounds}, interleaved; median round by throughput`,
      '1-event appends per store per round': WRITERS * singlePerWriter,
      '100-event batches per store per round': WRITERS * batchPerWriter,
      'expected version': "'any' for both stores (Emmett's default); COPY checks nothing",
      payload: 'VoteCast-shaped data (~200 B) and full metadata',
    },
    tables: [
      {
        title: '1-event appends, 16 writers across 1,000 streams',
        columns: ['system', 'events/s', 'appends/s', 'p50 ms', 'p99 ms', 'vs Emmett'],
        rows: [row('Ayllu PostgresEventStore', s.ours, s.emmett, 'Emmett'), row('Emmett emmett-postgresql', s.emmett, s.emmett, 'Emmett')],
      },
      {
        title: '100-event batches (one new stream per batch), 16 writers',
        columns: ['system', 'events/s', 'appends/s', 'p50 ms', 'p99 ms', 'vs COPY'],
        rows: [
          row('Ayllu PostgresEventStore', b.ours, b.copy, 'COPY'),
          row('Emmett emmett-postgresql', b.emmett, b.copy, 'COPY'),
          row('raw COPY into events', b.copy, b.copy, 'COPY'),
        ],
      },
    ],
    targets: [
      {
        target: '1-event appends ≥ 2× Emmett',
        measured: times(singleRatio),
        met: singleRatio >= 2,
        note: singleRatio >= 2 ? undefined : 'see "Why 1-event appends miss" below',
      },
      { target: '100-event batches ≥ 40% of COPY rows/s', measured: `${round(copyRatio * 100, 1)}%`, met: copyRatio >= 0.4 },
      {
        target: 'p99 append latency (reported)',
        measured: `1-event ${round(s.ours.p99Ms)} ms, batch ${round(b.ours.p99Ms)} ms`,
        met: null,
      },
    ],
    notes: [],
    data: { single: s, batch: b },
    seconds: (Date.now() - started) / 1000,
  };
};
