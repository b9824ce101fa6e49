import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReadCache, ReadSource, ReadTicket } from './read-cache';

/**
 * The read routes answered from the cache, by route template, with what they read: the proposal routes fold
 * the log; the member and list routes read the worker's read models (and fold the log for a DAO not yet
 * projected, which the 'read-model' rule covers too: it is the stricter one).
 */
export const CACHED_ROUTES: Readonly<Record<string, ReadSource>> = {
  '/v1/daos/:id/proposals/:pid': 'log',
  '/v1/daos/:id/proposals/:pid/eligible-voters': 'log',
  '/v1/daos/:id/proposals/:pid/votes': 'read-model',
  '/v1/daos/:id/proposals': 'read-model',
  '/v1/daos/:id/members/:address': 'read-model',
  '/v1/daos/:id/members': 'read-model',
};

/** Headers an answer is served with again from the cache (besides its ETag). */
const KEPT_HEADERS = ['content-type', 'link'] as const;

/** If-None-Match against one entity tag, weakly compared (RFC 9110 §13.1.2): `*`, or a list that names it. */
export const ifNoneMatchHits = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
};

const wantsRevalidation = (request: FastifyRequest): boolean => {
  const cacheControl = request.headers['cache-control'];
  return typeof cacheControl === 'string' && /\bno-cache\b/i.test(cacheControl);
};

/**
 * Answers the cached read routes from memory, before Nest's pipeline runs (after the rate limit, which is an
 * onRequest hook): the bytes first sent, their ETag, and 304 to a matching If-None-Match without building a
 * body. A miss goes through Nest as before; on the way out its answer gets the ETag of the read model's
 * position taken when it started, and is kept if nothing changed meanwhile. `Cache-Control: no-cache` on a
 * request skips the cache (the answer is built afresh, and kept).
 */
export const serveCachedReads = (fastify: FastifyInstance, cache: ReadCache): void => {
  const tickets = new WeakMap<FastifyRequest, ReadTicket>();
  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET') return;
    const source = CACHED_ROUTES[request.routeOptions.url ?? ''];
    if (source === undefined) return;
    const ticket = cache.ticket(source);
    tickets.set(request, ticket);
    if (ticket.etag === null || wantsRevalidation(request)) return;
    const hit = cache.lookup(request.url);
    if (!hit) return;
    void reply.header('etag', hit.etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    for (const [name, value] of Object.entries(hit.headers)) void reply.header(name, value);
    return reply.send(hit.body);
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const ticket = tickets.get(request);
    if (!ticket || ticket.etag === null || reply.statusCode !== 200 || ticket.generation !== cache.currentGeneration) return payload;
    if (reply.hasHeader('etag')) return payload; // served from the cache
    void reply.header('etag', ticket.etag);
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      cache.store(request.url, ticket, Buffer.from(payload), headers);
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], ticket.etag)) {
      void reply.code(304);
      return '';
    }
    return payload;
  });
};
