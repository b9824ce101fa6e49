// Stops the run's shared hardhat node (its whole process group) and removes the deployment file.
import { readFileSync, rmSync } from 'node:fs';

export default async function chainGlobalTeardown(): Promise<void> {
  const file = process.env.AYLLU_DEV_CHAIN_FILE;
  if (!file) return;
  const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) process.kill(-pid, 'SIGKILL');
  rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
