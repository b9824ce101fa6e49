import rateLimit from '@fastify/rate-limit';
import type { AppConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { problem, retryLater, type ProblemException } from './problem';

/** Routes never limited: liveness probes and the API's own documentation. */
const UNLIMITED = /^\/(health|docs)(?:[/?-]|$)/;

/** The 429 of every limit: an RFC 7807 problem with Retry-After (the plugin also sets the x-ratelimit-* headers). */
export const rateLimitProblem = (retryAfterSeconds: number, detail = 'Too many requests from this address; slow down'): ProblemException =>
  retryLater(problem(429, 'RATE_LIMIT.EXCEEDED', `${detail}; retry in ${Math.max(1, Math.ceil(retryAfterSeconds))} s`), retryAfterSeconds);

/**
 * Registers @fastify/rate-limit on the API: every route (health and docs aside) counts against one budget per
 * client address, RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_SECONDS; RATE_LIMIT_MAX=0 leaves routes
 * unlimited (tests, load benchmarks). The plugin is registered either way, so `app.getHttpAdapter().getInstance()
 * .createRateLimit({ max, timeWindow, keyGenerator })` gives any part of the API a limiter of its own (e.g.
 * failed admin-key attempts, counted only when they fail: call it with `{ increment: false }` to look, and
 * throw `rateLimitProblem(result.ttlInSeconds)` when it says `isAllowed: false`). Call before `listen`/`init`:
 * the limit attaches to routes as they are registered.
 */
export const registerRateLimit = async (app: NestFastifyApplication, config: AppConfig): Promise<void> => {
  const { max, windowSeconds } = config.rateLimit;
  await app.register(rateLimit as never, {
    global: max > 0,
    max: Math.max(1, max),
    timeWindow: windowSeconds * 1000,
    allowList: (request: FastifyRequest) => UNLIMITED.test(request.url),
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => rateLimitProblem(context.ttl / 1000),
  });
};
