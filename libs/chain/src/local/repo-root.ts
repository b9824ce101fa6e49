import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root, found from a module's directory: the nearest ancestor holding both `package.json` and
 * `nest-cli.json`. The same answer whether the module runs from its TypeScript source or compiled under dist/.
 */
export const repoRootFrom = (dir: string): string => {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json')) && existsSync(path.join(at, 'nest-cli.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`No repository root above ${dir}`);
  }
};
