// `npm run bench [-- --full] [-- --only=append,rebuild]`: every benchmark in one run, each
// figure beside a baseline measured in the same run. Writes BENCHMARKS.md and bench/results/bench.json
// (`--full`: bench/results/bench-full.json, shown in its own section after the default run's).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type PartId } from './harness/args';
import { openBenchDatabase } from './harness/database';
import { machineInfo } from './harness/machine';
import { readResults, renderMarkdown, resultsFile, type RunSummary } from './harness/report';
import type { BenchContext, PartResult } from './harness/types';
import { runAppend } from './parts/append';
import { runRebuild } from './parts/rebuild';
import { runVotes } from './parts/votes';
import { runReadApi } from './parts/read-api';
import { runMemory } from './parts/memory';
import { runGas } from './parts/gas';
import { runNotifications } from './parts/notifications';
import { runReplicas } from './parts/replicas';

const ROOT = path.resolve(__dirname, '..');

type Runner = (ctx: BenchContext) => PartResult | Promise<PartResult>;

const runners: Partial<Record<PartId, Runner>> = {
  append: runAppend,
  votes: runVotes,
  rebuild: runRebuild,
  'read-api': runReadApi,
  gas: runGas,
  notifications: runNotifications,
  memory: runMemory,
  replicas: runReplicas,
};

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const log = (message: string) => console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)}s] ${message}`);
  const machine = machineInfo();
  const db = await openBenchDatabase(log);
  const parts: PartResult[] = [];
  const failures: { part: string; error: string }[] = [];
  try {
    const ctx: BenchContext = { full: args.full, databaseUrl: db.url, log };
    for (const id of args.only) {
      const runner = runners[id];
      if (!runner) {
        failures.push({ part: id, error: 'not implemented in this version of the harness' });
        continue;
      }
      log(`part ${id}: start`);
      try {
        parts.push(await runner(ctx));
        log(`part ${id}: done`);
      } catch (error) {
        console.error(error);
        failures.push({ part: id, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      }
    }
  } finally {
    await db.close();
  }
  const summary: RunSummary = {
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    full: args.full,
    machine,
    database: { origin: db.origin, settings: db.settings },
    parts,
    failures,
  };
  const notes = path.join(__dirname, 'notes.md');
  const preface = existsSync(notes) ? readFileSync(notes, 'utf8') : '';
  const results = path.join(__dirname, 'results');
  // A default run replaces the default figures and keeps the last full-size section; a `--full` run, the reverse.
  const [main, full] = args.full ? [readResults(results, false), summary] : [summary, readResults(results, true)];
  const markdown = renderMarkdown(main ?? summary, preface, main ? full : undefined);
  if (args.write) {
    mkdirSync(results, { recursive: true });
    writeFileSync(resultsFile(results, args.full), JSON.stringify(summary, null, 2) + '\n');
    writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown + '\n');
    log(`wrote BENCHMARKS.md and ${path.relative(ROOT, resultsFile(results, args.full))}`);
  } else console.log(args.full ? renderMarkdown(summary, '') : markdown);
  if (failures.some((f) => !f.error.startsWith('not implemented'))) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
