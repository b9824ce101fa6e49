import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sets `Link: <same route, cursor=next>; rel="next"` (RFC 8288) when there is a next page: a reference relative
 * to the request's own URL, with its other query parameters (filters, `limit`, `asOf`) kept.
 */
export const linkNextPage = (request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void => {
  if (nextCursor === null) return;
  const url = new URL(request.url, 'http://api.invalid');
  url.searchParams.set('cursor', nextCursor);
  void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
};

/** One page of a keyset-ordered list: `limit` items and the cursor after the last, or null when none follow. */
export const pageOf = <T>(rows: readonly T[], limit: number, keyOf: (last: T) => string): { items: T[]; nextCursor: string | null } => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? keyOf(last) : null };
};
