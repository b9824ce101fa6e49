// `node -r ./tools/register.js tools/run-parallel.ts <script> <script> …`: runs package.json scripts side by side
// (e.g. the integration and chain suites, which start their own PostgreSQL databases and Hardhat nodes and share
// nothing), prints each one's output whole when it ends, so the log reads suite by suite, and exits non-zero if
// any failed. A script still running when another fails is left to finish: its result is reported too.
import { spawn } from 'node:child_process';

interface Outcome {
  readonly script: string;
  readonly code: number;
  readonly seconds: number;
}

const run = (script: string): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    // Its own process group, so that an interrupt of this runner reaches the suite's children too.
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child.pid!);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', (code, signal) => {
      children.delete(child.pid!);
      const seconds = Math.round((Date.now() - started) / 1000);
      const outcome = { script, code: code ?? (signal ? 1 : 0), seconds };
      process.stdout.write(`\n===== ${script}: ${outcome.code === 0 ? 'passed' : `FAILED (exit ${outcome.code})`} in ${seconds} s =====\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(outcome);
    });
  });

const children = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    for (const pid of children) {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    }
    process.exit(1);
  });

async function main(): Promise<void> {
  const scripts = process.argv.slice(2);
  if (scripts.length === 0) {
    process.stderr.write('usage: run-parallel <npm script> [<npm script> …]\n');
    process.exit(2);
  }
  process.stdout.write(`running side by side: ${scripts.join(', ')} (each one's output follows when it ends)\n`);
  const outcomes = await Promise.all(scripts.map(run));
  const failed = outcomes.filter((o) => o.code !== 0);
  process.stdout.write(`\n${outcomes.map((o) => `${o.script}: ${o.code === 0 ? 'passed' : 'FAILED'} (${o.seconds} s)`).join('\n')}\n`);
  process.exit(failed.length === 0 ? 0 : 1);
}

void main();
