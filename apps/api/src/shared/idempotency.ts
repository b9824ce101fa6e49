import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IdempotencyRequest } from '@ayllu/event-store';
import type { FastifyRequest } from 'fastify';
import { problem, ProblemException } from './problem';

/** What a POST handler needs to make its append idempotent, minus the response it will store. */
export interface IdempotencyScope {
  readonly key: string;
  readonly fingerprint: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;

/**
 * The `Idempotency-Key` header, scoped by the acting principal so two clients never collide, with a
 * fingerprint of the request so that reusing a key for a different request is refused rather than
 * answered with the wrong result. Undefined when the header is absent.
 */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotencyScope | undefined => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: string }>();
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new ProblemException(
      problem(400, 'REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
      }),
    );
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(canonical(request.body ?? null))}`)
    .digest('hex');
  return { key: `${request.actor ?? 'anonymous'}:${header}`, fingerprint };
});

export const withResponse = (scope: IdempotencyScope | undefined, response: unknown): IdempotencyRequest | undefined =>
  scope ? { ...scope, response } : undefined;
