// Compiles the API, the worker and the libraries they use to plain JavaScript under dist/ (swc, the same compiler
// `tools/register.js` runs on the fly), so production processes start without loading the compiler: it costs about
// 77 MiB of resident memory per process. `@ayllu/*` imports are rewritten to relative paths.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'contracts/abi'];
const SKIP = /\.(spec|int\.spec|e2e\.spec|chain\.spec)\.ts$|\.d\.ts$/;

const baseConfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return filesUnder(full);
    return full.endsWith('.ts') && !SKIP.test(full) ? [full] : [];
  });

/** `outDir` must sit inside the repository: the compiled modules find node_modules and the repository's root above it. */
export const buildServer = (outDir = path.join(ROOT, 'dist')): { files: number; seconds: number } => {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  const files = SOURCES.flatMap((dir) => filesUnder(path.join(ROOT, dir)));
  for (const file of files) {
    const { code, map } = transformFileSync(file, {
      sourceMaps: true,
      module: { type: 'commonjs' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        baseUrl: ROOT,
        paths: baseConfig.compilerOptions.paths,
        keepClassNames: true,
      },
    });
    const target = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
  }
  return { files: files.length, seconds: (Date.now() - started) / 1000 };
};

if (require.main === module) {
  const { files, seconds } = buildServer();
  process.stdout.write(`Compiled ${files} files to dist/ in ${seconds.toFixed(1)} s\n`);
}
