import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@ayllu/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import type { ProblemDetails } from '../../apps/api/src/shared/problem';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApi {
  readonly url: string;
  readonly db: TestDatabase;
  readonly app: NestFastifyApplication;
  /**
   * fetch against the running server, JSON in and out. `T` is what the caller expects the body to be
   * (a view class from apps/api/src, or `Problem` for a refusal); nothing checks it at run time,
   * the test's own expectations do.
   */
  readonly request: <T = unknown>(method: string, path: string, options?: RequestOptions) => Promise<TestResponse<T>>;
  readonly close: () => Promise<void>;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  readonly admin?: boolean;
}

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON, the raw text when it is not JSON, or undefined when empty. */
  readonly body: T;
}

/** An RFC 7807 refusal, as the API's exception filter renders it. */
export type Problem = ProblemDetails;

/** The real API over real HTTP on a free port, with its own migrated database; `env` adds configuration. */
export const startTestApi = async (env: Record<string, string> = {}, options: { webDistDir?: string } = {}): Promise<TestApi> => {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, ADMIN_API_KEY: TEST_ADMIN_KEY, LOG_LEVEL: 'silent', ...env });
  const app = await createApiApp({ config, pool: db.pool, adminApiKey: TEST_ADMIN_KEY, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const request = async <T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse<T>> => {
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
    // The caller names the shape it expects; its assertions are what check it.
    return { status: response.status, headers: response.headers, body: body as T };
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
