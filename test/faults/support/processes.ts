import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything it printed, for a failure message. */
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  readonly kill9: () => Promise<void>;
  /** SIGTERM, then wait for the exit. */
  readonly stop: () => Promise<void>;
}

/**
 * Runs an entry point of the repository as its own process: a TypeScript source through the swc register, the way
 * `npm start` parts run, or a compiled `.js` file (`npm run build`) as production runs it.
 */
export const runTs = (
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): RunningProcess => {
  const register = entry.endsWith('.js') ? [] : ['-r', './tools/register.js'];
  const child = spawn(process.execPath, [...nodeArgs, ...register, entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** Thrown from a waitFor probe to stop waiting at once (the process being waited for died). */
export class GaveUp extends Error {}

export const waitFor = async <T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Through a promise, so that a probe that throws at once is handled like one that rejects.
    const value = await Promise.resolve()
      .then(probe)
      .catch((error: unknown) => {
        if (error instanceof GaveUp) throw error;
        return undefined;
      });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/** The embedded PostgreSQL in a child process, on a fixed port so clients find it again after a restart. */
export const startPostgres = async (dataDir: string, port: number): Promise<RunningProcess & { url: string }> => {
  const proc = runTs('test/faults/support/pg-server.cli.ts', [dataDir, String(port)], {});
  const url = await waitFor(
    'PostgreSQL to start',
    () => {
      if (proc.child.exitCode !== null) throw new GaveUp(`PostgreSQL exited: ${proc.output()}`);
      return /ready (\S+)/.exec(proc.output())?.[1];
    },
    120_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${proc.output()}`);
  });
  return { ...proc, url };
};

export interface ServiceEnv {
  readonly databaseUrl: string;
  readonly adminKey: string;
}

const serviceEnv = (env: ServiceEnv, extra: Record<string, string>) => ({
  NODE_ENV: 'test',
  DATABASE_URL: env.databaseUrl,
  ADMIN_API_KEY: env.adminKey,
  LOG_LEVEL: 'warn',
  ...extra,
});

/** apps/api/src/main.ts (or `entry`, e.g. its compiled form) as its own process; resolves once /health answers at all. */
export const startApi = async (
  env: ServiceEnv,
  port: number,
  wait = true,
  entry = 'apps/api/src/main.ts',
): Promise<RunningProcess & { url: string }> => {
  // FAULTS_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API under a fault or load.
  const nodeArgs = process.env.FAULTS_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = runTs(entry, [], serviceEnv(env, { PORT: String(port), HOST: '127.0.0.1' }), nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  if (wait) {
    await waitFor('the API to listen', async () => {
      if (proc.child.exitCode !== null) throw new GaveUp(`API exited: ${proc.output()}`);
      return (await fetch(`${url}/health`)).status > 0;
    });
  }
  return { ...proc, url };
};

/** apps/worker/src/main.ts (or `entry`) as its own process (no chain configured). */
export const startWorkerProcess = (env: ServiceEnv, entry = 'apps/worker/src/main.ts'): RunningProcess =>
  runTs(entry, [], serviceEnv(env, { LOG_LEVEL: 'info' }));

/** Resolves once the worker logged that it started (projections caught up, jobs installed). */
export const workerStarted = (worker: RunningProcess, timeoutMs = 120_000): Promise<true> =>
  waitFor(
    'the worker to start',
    () => {
      if (worker.child.exitCode !== null) throw new GaveUp(`worker exited: ${worker.output()}`);
      return worker.output().includes('"msg":"worker started"');
    },
    timeoutMs,
  );
