// `npm run bench:render`: writes BENCHMARKS.md again from bench/results/bench.json and bench/notes.md, without
// measuring (after editing the notes).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown, type RunSummary } from './harness/report';

const summary = JSON.parse(readFileSync(path.join(__dirname, 'results', 'bench.json'), 'utf8')) as RunSummary;
const notes = readFileSync(path.join(__dirname, 'notes.md'), 'utf8');
writeFileSync(path.join(__dirname, '..', 'BENCHMARKS.md'), renderMarkdown(summary, notes) + '\n');
