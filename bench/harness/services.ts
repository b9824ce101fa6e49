import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { buildServer } from '../../tools/build/build-server';

const ROOT = path.resolve(__dirname, '../..');
// An empty data directory: a dev-chain.json left by `npm start` in ./.data must not attach the bench to a chain.
const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'ayllu-bench-data-'));

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });

/** Peak resident set (VmHWM) and current resident set (VmRSS) of a live process, in MiB. */
export const memoryOf = (pid: number): { peakMiB: number; rssMiB: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
};

/** CPU time a live process has used so far (user + system), in seconds (from /proc/<pid>/stat, clock ticks of 10 ms). */
export const cpuSecondsOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

export interface Service {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** VmHWM read just before the process is stopped (the kernel's own peak, so no sampling gap). */
  readonly stop: () => Promise<{ peakMiB: number; rssMiB: number }>;
  /** kill -9: VmHWM read just before SIGKILL; resolves once the process is gone (no shutdown hook runs). */
  readonly kill: () => Promise<{ peakMiB: number; rssMiB: number }>;
}

const waitFor = async (url: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

let compiledOnce = false;
/**
 * How to run `file`: the API and the worker compiled as production runs them (`npm run build` → dist/, no compiler
 * in the process); the bench's own helpers (a bare server) through the swc register.
 */
/**
 * The flags production runs the API and worker with (package.json's start:*:dist, the Dockerfile, docker-compose.yml):
 * a young generation of 4 MiB semi-spaces keeps a burst of requests' short-lived garbage from growing the heap.
 */
const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=4'];

const nodeArgsFor = (file: string): string[] => {
  if (!file.startsWith('apps/')) return ['-r', './tools/register.js', file];
  if (!compiledOnce) buildServer();
  compiledOnce = true;
  return [...PRODUCTION_NODE_FLAGS, path.join('dist', file.replace(/\.ts$/, '.js'))];
};

/**
 * Starts an entry point as its own Node process (see nodeArgsFor), so its
 * memory is its own and the load generator does not share its event loop. `readyPath` is polled when
 * the process serves HTTP; otherwise `readyLine` on stdout/stderr marks it started.
 */
export const startService = async (options: {
  readonly name: string;
  readonly file: string;
  readonly env: Record<string, string>;
  readonly port?: number;
  readonly readyPath?: string;
  readonly readyLine?: RegExp;
  /** Node flags before the entry point (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}): Promise<Service> => {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...nodeArgsFor(options.file)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lineSeen = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (options.readyLine?.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const url = `http://127.0.0.1:${options.port ?? 0}`;
  try {
    if (options.readyPath) await waitFor(`${url}${options.readyPath}`, child, 60_000);
    else
      await Promise.race([
        lineSeen,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${options.name} not ready in 60 s:\n${output}`)), 60_000)),
      ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    name: options.name,
    pid: child.pid!,
    url,
    stop: async () => {
      const memory = memoryOf(child.pid!);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      return memory;
    },
    kill: async () => {
      const memory = memoryOf(child.pid!);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
      return memory;
    },
  };
};

/**
 * Node flags for the API and worker children, from BENCH_API_NODE_ARGS and BENCH_WORKER_NODE_ARGS (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile one under load).
 */
const nodeArgsFrom = (name: 'BENCH_API_NODE_ARGS' | 'BENCH_WORKER_NODE_ARGS'): string[] =>
  (process.env[name] ?? '').split(' ').filter(Boolean);

/** The API alone (apps/api/src/main.ts) on a free port; request logging off (LOG_LEVEL=warn). */
export const startApi = async (databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Service> => {
  const port = await freePort();
  return startService({
    name: 'api',
    file: 'apps/api/src/main.ts',
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_API_KEY: BENCH_ADMIN_KEY,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      CHAIN_ID: '31337',
      DATA_DIR: dataDir(),
      // The benchmark is one client sending as fast as it can: the per-address limit would measure itself.
      RATE_LIMIT_MAX: '0',
      ...extraEnv,
    },
    port,
    readyPath: '/health',
    nodeArgs: nodeArgsFrom('BENCH_API_NODE_ARGS'),
  });
};

/**
 * The worker alone (apps/worker/src/main.ts): projections, jobs, notifications; no chain configured. `extraEnv`
 * adds settings (two workers on one host need WORKER_OPERATIONS_PORT apart, e.g. 0 for none).
 */
export const startWorkerProcess = (databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Service> =>
  startService({
    name: 'worker',
    file: 'apps/worker/src/main.ts',
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      CHAIN_ID: '31337',
      RPC_URL: '',
      DATA_DIR: dataDir(),
      ...extraEnv,
    },
    readyLine: /worker started/,
    nodeArgs: nodeArgsFrom('BENCH_WORKER_NODE_ARGS'),
  });
