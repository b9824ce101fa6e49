// `npm run web:client`: writes the API's OpenAPI document to apps/web/openapi.json and generates the web app's
// typed client schema from it (apps/web/src/api/schema.d.ts) with openapi-typescript. Both files are committed;
// tools/web/web-client.spec.ts fails when either is stale, so run this after changing a route or a DTO.
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../apps/api/src/docs/openapi-document';
import { generateSchemaTypes, OPENAPI_FILE, SCHEMA_FILE } from './web/schema-files';

const main = async () => {
  writeFileSync(OPENAPI_FILE, await openApiDocument());
  writeFileSync(SCHEMA_FILE, generateSchemaTypes(OPENAPI_FILE));
  process.stdout.write(`Wrote ${OPENAPI_FILE} and ${SCHEMA_FILE}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
