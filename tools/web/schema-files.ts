import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The API's OpenAPI document as `/docs-json` serves it, committed so that a change to it shows in review. */
export const OPENAPI_FILE = join(ROOT, 'apps/web/openapi.json');
/** The typed client's paths and schemas, generated from OPENAPI_FILE. */
export const SCHEMA_FILE = join(ROOT, 'apps/web/src/api/schema.d.ts');

/** What openapi-typescript makes of the document in `file` (a TypeScript declaration file's text). */
export const generateSchemaTypes = (file: string): string =>
  execFileSync(join(ROOT, 'node_modules/.bin/openapi-typescript'), [file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
