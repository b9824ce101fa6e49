import { memorySamples } from '../harness/memory-log';
import { round } from '../harness/stats';
import type { BenchContext, PartResult } from '../harness/types';

const TARGET_MIB = 200;

/**
 * Part 6. Peak RSS of the API and worker processes while parts 2, 4 and 8 loaded them: the kernel's own
 * high-water mark (VmHWM in /proc/<pid>/status), read just before each process was stopped.
 */
export const runMemory = (_ctx: BenchContext): PartResult => {
  if (memorySamples.length === 0) throw new Error('no memory samples: run part 6 after parts votes, read-api and/or replicas');
  return {
    id: 'memory',
    title: '6. Memory',
    settings: { source: 'VmHWM (peak resident set) of each child process, read from /proc/<pid>/status before it was stopped' },
    tables: [
      {
        title: 'Peak RSS of the service processes',
        columns: ['during part', 'process', 'peak RSS MiB', 'RSS at end MiB'],
        rows: memorySamples.map((s) => ({
          'during part': s.part,
          process: s.process,
          'peak RSS MiB': round(s.peakMiB, 1),
          'RSS at end MiB': round(s.rssAtEndMiB, 1),
        })),
      },
    ],
    targets: [
      {
        target: `peak RSS of every api and worker process ≤ ${TARGET_MIB} MiB under load`,
        measured: memorySamples.map((s) => `${s.process} ${round(s.peakMiB, 0)} MiB (${s.part})`).join(', '),
        met: memorySamples.every((s) => s.peakMiB <= TARGET_MIB),
      },
    ],
    notes: [],
    data: { samples: memorySamples },
    seconds: 0,
  };
};
