import { loadConfig } from '@ayllu/platform';
import { Pool } from 'pg';
import { createApiApp } from '../bootstrap';

/**
 * The API's OpenAPI document, as `/docs-json` serves it, made without a database or a chain: the pool points
 * nowhere and is never used (nothing is listened on, no request reaches a handler). The web app's typed
 * client is generated from it (`npm run web:client`), and a spec checks that the committed copy is current.
 */
export const openApiDocument = async (): Promise<string> => {
  const key = 'openapi-document-key-0123456789abcdef';
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    ADMIN_API_KEY: key,
    LOG_LEVEL: 'silent',
  });
  const pool = new Pool({ connectionString: config.databaseUrl!, max: 1 });
  const app = await createApiApp({ config, pool, adminApiKey: key });
  try {
    await app.init();
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    if (res.statusCode !== 200) throw new Error(`/docs-json answered ${res.statusCode}`);
    return `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`;
  } finally {
    await app.close();
    await pool.end();
  }
};
