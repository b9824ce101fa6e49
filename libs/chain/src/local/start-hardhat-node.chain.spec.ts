import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { describePortTaken, findPortOwner } from './port-owner';
import { freePort, startHardhatNode } from './start-hardhat-node';

const repoRoot = path.resolve(__dirname, '../../../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const waitFor = async (what: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!what() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return what();
};
const listen = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
  });

describe('the local chain node', () => {
  it('names the process that holds its port instead of starting a second node', async () => {
    const port = await freePort();
    const first = await startHardhatNode({ port });
    try {
      expect(findPortOwner(port)?.pid).toBeDefined();
      const refused = startHardhatNode({ port });
      await expect(refused).rejects.toThrow(/taken by a Hardhat node, probably left by an earlier run: pid \d+ .*kill \d+/);
    } finally {
      await first.stop();
    }
    expect(alive(first.pid)).toBe(false);
  });

  it('names a program that is not a chain node by its pid and command line', async () => {
    const port = await freePort();
    const server = await listen(port);
    try {
      const line = describePortTaken(port, `http://127.0.0.1:${port}`);
      expect(line).toContain(`pid ${process.pid}`);
      expect(line).toContain('another program');
    } finally {
      server.close();
    }
  });

  it('stops by itself when the process that started it is killed with SIGKILL', async () => {
    // A parent that starts a node, prints its pid and then waits; we kill it without giving it a chance to clean up.
    const script = `
      const { startHardhatNode } = require('./libs/chain/src/local/start-hardhat-node.ts');
      startHardhatNode().then((node) => { process.stdout.write(node.pid + '\\n'); setInterval(() => {}, 1000); });`;
    const parent = spawn(process.execPath, ['-r', './tools/register.js', '-e', script], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const nodePid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      parent.once('exit', () => reject(new Error('the parent exited before starting the node')));
    });
    try {
      expect(alive(nodePid)).toBe(true);
      parent.kill('SIGKILL');
      expect(await waitFor(() => !alive(nodePid), 15_000)).toBe(true);
    } finally {
      if (alive(nodePid)) process.kill(-nodePid, 'SIGKILL'); // the test failed: do not leave the node behind
    }
  });
});
