import { httpClient } from './http-client';

export interface CommandRecord {
  readonly requestId: string;
  readonly name: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly attempts: number;
  /** Whether this command should have appended events (false for reads and no-op answers). */
  readonly appends: boolean;
}

/**
 * A client that behaves like a careful wallet or admin console: while the API is gone (no answer) or the
 * database is (503), it sends the very same request again — same body, same signature, same request id and
 * Idempotency-Key — until it gets an answer. Every final answer is recorded for the checks.
 */
export const retryingClient = (baseUrl: string, adminKey: string, prefix: string, deadlineMs = 120_000) => {
  const http = httpClient(baseUrl, adminKey);
  const records: CommandRecord[] = [];
  let n = 0;
  const send = async (name: string, method: string, path: string, body: unknown, opts: { admin?: boolean; appends?: boolean } = {}) => {
    const requestId = `${prefix}-${++n}`;
    const until = Date.now() + deadlineMs;
    for (let attempts = 1; ; attempts++) {
      const res = await http.sendWithHeaders(method, path, body, {
        ...(opts.admin ? { admin: true, idempotencyKey: requestId } : {}),
        requestId,
      });
      if ((res.status === 0 || res.status === 503) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      const code = (res.body as { code?: string } | undefined)?.code;
      records.push({ requestId, name, status: res.status, code, attempts, appends: opts.appends ?? method !== 'GET' });
      return res;
    }
  };
  /** The shape the signing helper needs: typed-data requests go through the same retries. */
  const request = async (method: string, path: string, options: { body?: unknown; admin?: boolean } = {}) => {
    const res = await send(`${method} ${path}`, method, path, options.body, { ...(options.admin ? { admin: true } : {}), appends: false });
    return { status: res.status, headers: new Headers(), body: res.body };
  };
  return { send, request, records };
};
