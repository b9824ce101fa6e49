import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export { freePort } from '../../libs/chain/src/local/start-hardhat-node';

const root = path.resolve(__dirname, '../..');

/** An API or worker process started from its entry point, as an operator starts it; stopped by its own PID. */
export interface PlatformProcess {
  readonly pid: number;
  /** Everything it wrote so far (stdout and stderr), for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `entry` (e.g. `apps/api/src/main.ts`) with exactly `env` (plus PATH), and resolves once its output
 * matches `ready`. A process that exits first, or is not ready within the timeout, fails the call (and is killed).
 */
export async function startPlatformProcess(
  entry: string,
  env: Record<string, string>,
  options: { readonly ready: RegExp; readonly timeoutMs?: number },
): Promise<PlatformProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', './tools/register.js', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} was not ready within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { pid: child.pid!, output: () => `--- ${entry}\n${output.slice(-4000)}`, stop };
}
