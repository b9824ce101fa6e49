import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: the problem names each invalid field',
  401: 'Missing or invalid credentials',
  403: 'Not allowed for this principal',
  404: 'Not found',
  406: 'None of the media types in Accept can be served',
  409: 'Conflicts with the current state (or a concurrent change); read again and retry',
  413: 'Body larger than 1 MiB',
  415: 'Body is not application/json',
  422: 'Well-formed but refused by a domain rule, or an Idempotency-Key reused for another request',
  429: 'Too many requests (the per-address rate limit, or a per-member cooldown): retry after Retry-After seconds',
  503: 'The database (SERVICE.UNAVAILABLE), or the chain a check needs (CHAIN.UNAVAILABLE: a contract wallet, a Safe), does not answer; retry shortly',
};

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', example: 'https://ayllu.dev/problems/request-invalid' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    code: { type: 'string', example: 'REQUEST.INVALID' },
    detail: { type: 'string', example: 'Invalid fields: quorumBps' },
    instance: { type: 'string', example: '/v1/daos' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string', example: 'quorumBps' }, message: { type: 'string' } } },
    },
  },
};

/** Documents RFC 7807 problem responses (application/problem+json) for the given statuses. */
export const ApiProblemResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
