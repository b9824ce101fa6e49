// `npm run bench:render`: writes BENCHMARKS.md again from bench/results/bench.json (and bench-full.json, the last
// `--full` run, when there is one) and bench/notes.md, without measuring (after editing the notes).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readResults, renderMarkdown } from './harness/report';

const results = path.join(__dirname, 'results');
const notes = readFileSync(path.join(__dirname, 'notes.md'), 'utf8');
writeFileSync(
  path.join(__dirname, '..', 'BENCHMARKS.md'),
  renderMarkdown(readResults(results, false)!, notes, readResults(results, true)) + '\n',
);
