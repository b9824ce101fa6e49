import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ayllu/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApi {
  readonly url: string;
  readonly db: TestDatabase;
  readonly app: NestFastifyApplication;
  /** fetch against the running server, JSON in and out. */
  readonly request: (method: string, path: string, options?: RequestOptions) => Promise<TestResponse>;
  readonly close: () => Promise<void>;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  readonly admin?: boolean;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The real API over real HTTP on a free port, with its own migrated database. */
export const startTestApi = async (): Promise<TestApi> => {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ADMIN_API_KEY: TEST_ADMIN_KEY, LOG_LEVEL: 'silent' });
  const app = await createApiApp({ config, pool: db.pool, adminApiKey: TEST_ADMIN_KEY });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (options.admin) headers.authorization = `Bearer ${TEST_ADMIN_KEY}`;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(options.rawBody !== undefined
        ? { body: options.rawBody }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };
  return {
    url,
    db,
    app,
    request,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
};
