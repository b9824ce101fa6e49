import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs a TypeScript file in a child Node process (through the repository's swc register) with one JSON
 * argument and returns the JSON of its last stdout line. The child is stopped by its PID if it outlives
 * `timeoutMs`.
 */
export const runJsonChild = <T>(file: string, arg: unknown, timeoutMs = 15 * 60_000): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', file, JSON.stringify(arg)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
      } catch (error) {
        reject(error as SyntaxError); // what JSON.parse throws
      }
    });
  });
