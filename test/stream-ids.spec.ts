import { ESLint, type Linter } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { parseStreamId, streams, type StreamKindName } from '@ayllu/domain';

// The catalogue in libs/domain is the only place that makes or parses stream ids; the lint rule keeps it so.
const root = path.resolve(__dirname, '..');
const kinds = Object.keys(streams) as StreamKindName[];

// The project's flat config, given directly: ESLint's own loader needs dynamic import, which Jest's VM lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(root, 'eslint.config.js')) as Linter.Config[];
// Without type information: the stream-id rule reads syntax only, and the code linted here is not what the
// files on disk hold (or names no file at all), so a TypeScript program for it would be slow and wrong.
const syntaxOnly: Linter.Config[] = [...config, tseslint.configs.disableTypeChecked];

const lint = async (code: string, file = 'apps/api/src/example.ts') => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: syntaxOnly });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
};

describe('stream ids', () => {
  // By each kind's own prefix (`share-pool-` for `sharePool`), which is what code outside the catalogue would write.
  it.each(kinds)('a %s stream id built from a template outside the catalogue fails lint', async (kind) => {
    const { name } = streams[kind];
    expect(await lint(`export const id = (x: string) => \`${name}-\${x}\`;\n`)).toEqual([expect.stringContaining('catalogue')]);
  });

  it.each(kinds)('a %s stream id parsed by its prefix outside the catalogue fails lint', async (kind) => {
    const { name } = streams[kind];
    expect(await lint(`export const id = (s: string) => s.startsWith('${name}-');\n`)).toEqual([expect.stringContaining('catalogue')]);
  });

  it('the catalogue itself may', async () => {
    expect(await lint('export const id = (x: string) => `dao-${x}`;\n', 'libs/domain/src/streams/stream-catalogue.ts')).toEqual([]);
  });

  it('makes and parses every kind', () => {
    for (const kind of kinds) {
      const { streamId } = streams[kind].of('abc_1');
      expect(streams[kind].parse(streamId)).toBe('abc_1');
      expect(parseStreamId(streamId)).toEqual({ kind, id: 'abc_1' });
      for (const other of kinds.filter((k) => k !== kind)) expect(streams[other].parse(streamId)).toBeNull();
    }
    expect(parseStreamId('tick-1')).toBeNull();
    expect(streams.dao.parse(streams.dao.of('').streamId)).toBeNull();
  });
});
