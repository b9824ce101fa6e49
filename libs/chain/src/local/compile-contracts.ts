import { repoRootFrom } from './repo-root';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = repoRootFrom(__dirname);

/**
 * Compiles contracts/ with the pinned solc-js (offline). Hardhat's cache makes it a no-op, about a
 * second, when nothing changed, so callers run it unconditionally rather than guessing staleness.
 * The compile also refreshes the ABI modules unless `keepAbiModules` (the chain tests check them instead).
 */
export function compileContracts(options: { keepAbiModules?: boolean } = {}): void {
  // A test run's global setup compiled once already: test files running in parallel must not compile again, since
  // a compile rewrites the artifacts another file may be reading.
  if (process.env.AYLLU_CONTRACTS_COMPILED === '1') return;
  execFileSync(path.join(repoRoot, 'node_modules/.bin/hardhat'), ['--config', 'contracts/hardhat.config.js', 'compile', '--quiet'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: options.keepAbiModules ? { ...process.env, AYLLU_KEEP_ABI_MODULES: '1' } : process.env,
  });
}
