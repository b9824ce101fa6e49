import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface HttpAttempt {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Resolves and vets the host on the connection itself (see url-guard.ts). */
  readonly lookup: LookupFunction;
}

export interface HttpOutcome {
  /** Null when no response arrived (refused, timed out, blocked address). */
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  /** From `Retry-After` or a Discord-style JSON `retry_after` (seconds), in ms. */
  readonly retryAfterMs: number | null;
}

const MAX_BODY = 64 * 1024;

const retryAfterFrom = (response: IncomingMessage, body: string, now: number): number | null => {
  const candidates: number[] = [];
  const header = response.headers['retry-after'];
  if (typeof header === 'string') {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) candidates.push(seconds * 1000);
    else if (!Number.isNaN(Date.parse(header))) candidates.push(Date.parse(header) - now);
  }
  try {
    const json = JSON.parse(body) as { retry_after?: unknown };
    if (typeof json.retry_after === 'number' && Number.isFinite(json.retry_after)) candidates.push(json.retry_after * 1000);
  } catch {
    // not JSON: the header alone decides
  }
  return candidates.length ? Math.max(0, ...candidates) : null;
};

/**
 * One POST, no redirects followed (a redirect could lead anywhere), a hard timeout over the whole
 * exchange, and at most 64 KiB of the answer read. Never throws: every failure is an outcome.
 */
export const sendHttp = (attempt: HttpAttempt): Promise<HttpOutcome> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<HttpOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const url = new URL(attempt.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...attempt.headers, 'content-length': Buffer.byteLength(attempt.body).toString() },
      lookup: attempt.lookup,
      signal: AbortSignal.timeout(attempt.timeoutMs),
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY);
        done({ statusCode: response.statusCode ?? null, error: null, retryAfterMs: retryAfterFrom(response, body, Date.now()) });
      });
      response.on('error', (error) => done({ statusCode: response.statusCode ?? null, error: describe(error), retryAfterMs: null }));
    });
    req.on('error', (error) => done({ statusCode: null, error: describe(error), retryAfterMs: null }));
    req.end(attempt.body);
  });
};

const describe = (error: unknown): string => {
  // Duck-typed: errors from Node internals are not always instances of this realm's Error (Jest).
  const e = (error ?? {}) as { name?: string; code?: string; message?: string };
  // The only signal on the request is the attempt timeout.
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'ABORT_ERR') return 'timeout';
  if (typeof e.message === 'string') return e.code ? `${e.code}: ${e.message}` : e.message;
  return String(error);
};
