import { readFileSync } from 'node:fs';
import { openApiDocument } from '../../apps/api/src/docs/openapi-document';
import { generateSchemaTypes, OPENAPI_FILE, SCHEMA_FILE } from './schema-files';

jest.setTimeout(60_000);

const STALE = 'is stale: run `npm run web:client` and commit apps/web/openapi.json and apps/web/src/api/schema.d.ts';

describe("The web app's typed client", () => {
  it('is generated from the OpenAPI document the API serves today', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const served = await openApiDocument();
    if (served !== committed) throw new Error(`apps/web/openapi.json ${STALE}`);
    expect(served).toBe(committed);
  });

  it('has the schema openapi-typescript makes of that document', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = generateSchemaTypes(OPENAPI_FILE);
    if (generated !== committed) throw new Error(`apps/web/src/api/schema.d.ts ${STALE}`);
    expect(generated).toBe(committed);
  });
});
