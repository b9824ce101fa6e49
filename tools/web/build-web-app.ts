import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps/web');
const BUILT = join(WEB, 'dist/index.html');
/** What the build reads besides node_modules: the app's sources and config, and the ABIs it imports. */
const INPUTS = [
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.mts'),
  join(WEB, 'src'),
  join(ROOT, 'contracts/abi'),
  join(ROOT, 'package-lock.json'),
];

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

/** Whether apps/web/dist is missing or older than any of its inputs. */
export const webAppBuildIsStale = (): boolean => !existsSync(BUILT) || Math.max(...INPUTS.map(newest)) > statSync(BUILT).mtimeMs;

/**
 * Builds the web app with Vite into apps/web/dist (what the API serves), unless the build is up to date. `npm start` and
 * the browser test call it; `npm run web:build` builds unconditionally. Returns whether it built.
 */
export function buildWebApp(options: { force?: boolean } = {}): boolean {
  if (!options.force && !webAppBuildIsStale()) return false;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // A production build whoever calls it (Jest runs with NODE_ENV=test, which would bundle React's development build).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}
