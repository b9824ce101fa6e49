// The committed ABI modules are what contracts/scripts/write-abi-modules.js writes from today's artifacts: a module
// left stale by a contract change or a package upgrade, or edited by hand, fails here. Needs the compiled
// artifacts of our contracts, which the chain project's global setup builds (without rewriting the modules).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Generator = { MODULES: readonly { target: string }[]; OWN_DIR: string; PACKAGED_DIR: string };
const script = path.resolve(__dirname, '../scripts/write-abi-modules.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(script) as Generator;

const repoRoot = path.resolve(__dirname, '../..');
const relative = (file: string) => path.relative(repoRoot, file);

describe('ABI modules', () => {
  let generated: Map<string, string>;

  beforeAll(() => {
    // In a child process: the generator formats with Prettier, which Jest's module runtime cannot load.
    const modules = JSON.parse(execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8' })) as {
      target: string;
      text: string;
    }[];
    generated = new Map(modules.map(({ target, text }) => [target, text]));
  });

  it.each(generator.MODULES.map(({ target }) => [relative(target), target]))(
    '%s is what the generator writes from the artifact',
    (_, target) => {
      // Compared as text, so a failure shows the lines that differ; `npm run abi:generate` rewrites the modules.
      expect(readFileSync(target, 'utf8')).toBe(generated.get(target));
    },
  );

  it('holds no module the generator does not write', () => {
    const written = generator.MODULES.map(({ target }) => relative(target)).sort();
    const present = [generator.OWN_DIR, generator.PACKAGED_DIR]
      .flatMap((dir) => readdirSync(dir).map((file) => relative(path.join(dir, file))))
      .sort();
    expect(present).toEqual(written);
  });
});
