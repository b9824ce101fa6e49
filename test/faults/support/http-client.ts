export interface Outcome {
  readonly status: number; // 0: no answer (connection refused or reset)
  readonly text: string;
  readonly at: number;
  readonly ms: number;
  readonly kind: string;
  readonly key: string;
}

/** A plain HTTP client for an API in another process; it never throws, a lost connection is status 0. */
export const httpClient = (baseUrl: string, adminKey: string) => {
  const send = (method: string, path: string, body?: unknown, opts: { admin?: boolean; idempotencyKey?: string } = {}) =>
    sendWithHeaders(method, path, body, opts);
  const sendWithHeaders = async (
    method: string,
    path: string,
    body?: unknown,
    opts: { admin?: boolean; idempotencyKey?: string; requestId?: string } = {},
  ): Promise<Omit<Outcome, 'kind' | 'key'> & { body: unknown }> => {
    const headers: Record<string, string> = {};
    if (opts.requestId) headers['x-request-id'] = opts.requestId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.admin) headers.authorization = `Bearer ${adminKey}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const started = Date.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: res.status, text: text.slice(0, 500), body: parsed, at: started, ms: Date.now() - started };
    } catch (error) {
      return { status: 0, text: String(error), body: undefined, at: started, ms: Date.now() - started };
    }
  };
  /** The shape test/support/signing.ts and the governance fixture expect of an API. */
  const request = async (
    method: string,
    path: string,
    options: { body?: unknown; admin?: boolean; headers?: Record<string, string> } = {},
  ) => {
    const res = await send(method, path, options.body, {
      ...(options.admin ? { admin: true } : {}),
      ...(options.headers?.['idempotency-key'] ? { idempotencyKey: options.headers['idempotency-key'] } : {}),
    });
    return { status: res.status, headers: new Headers(), body: res.body };
  };
  return { send, sendWithHeaders, request };
};
