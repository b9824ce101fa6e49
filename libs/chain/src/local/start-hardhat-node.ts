import { repoRootFrom } from './repo-root';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describePortTaken } from './port-owner';

const repoRoot = repoRootFrom(__dirname);

/** A running `hardhat node` child process. */
export type HardhatNode = {
  readonly rpcUrl: string;
  readonly port: number;
  readonly pid: number;
  /** A closure over the child process: safe to pass on as a plain function. */
  readonly stop: () => Promise<void>;
};

/** Asks the OS for a free TCP port on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });

async function answers(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A detached node process that stops `childPid` as soon as this process is gone, however it went (a kill -9,
 * a crashed test runner, a closed terminal): a child that leads its own process group, or a server that
 * detaches itself (PostgreSQL), would otherwise outlive it. `target` is the pid to signal (`-pid` for a whole
 * group). The reaper exits by itself once the child has stopped.
 */
export function reapWithParent(childPid: number, options: { readonly signal?: NodeJS.Signals; readonly group?: boolean } = {}): void {
  const target = options.group === false ? childPid : -childPid;
  const script = `
    const [parent, child, target, signal] = process.argv.slice(1);
    const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === 'EPERM'; } };
    setInterval(() => {
      if (!alive(child)) process.exit(0);
      if (!alive(parent)) { try { process.kill(Number(target), signal); } catch {} process.exit(0); }
    }, 500);`;
  spawn(process.execPath, ['-e', script, String(process.pid), String(childPid), String(target), options.signal ?? 'SIGTERM'], {
    detached: true,
    stdio: 'ignore',
  }).unref();
}

/** Any-address binds (a container's node, reached by other containers) are still reached here through loopback. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Starts `hardhat node` with the project's config on `host`:`port` and resolves once it answers RPC. The host
 * is 127.0.0.1 unless told otherwise (`0.0.0.0` in a container, so that other containers reach it); `rpcUrl`
 * is how this process reaches it. The child leads its own process group (`detached`), so a stop, or a teardown
 * in another process that only knows the pid, ends the node and anything it spawned with one signal to `-pid`.
 */
export async function startHardhatNode(
  options: { port?: number; host?: string; timeoutMs?: number; log?: boolean } = {},
): Promise<HardhatNode> {
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const reachAt = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const rpcUrl = `http://${reachAt}:${port}`;
  if (await answers(rpcUrl)) throw new Error(describePortTaken(port, rpcUrl));
  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/hardhat'),
    ['--config', 'contracts/hardhat.config.js', 'node', '--port', String(port), '--hostname', host],
    { cwd: repoRoot, detached: true, stdio: ['ignore', options.log ? 'inherit' : 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start hardhat node');
  reapWithParent(pid);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await answers(rpcUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`hardhat node did not answer on ${rpcUrl}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { rpcUrl, port, pid, stop };
}
