import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@ayllu/domain';
import { ConcurrencyError, IdempotencyKeyReusedError } from '@ayllu/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, ProblemException, type ProblemDetails } from './problem';

const DOMAIN_STATUS = { invalid: 422, 'not-found': 404, conflict: 409, forbidden: 403 } as const;

/** Database unreachable or shutting down: the client should retry later, nothing was changed. */
const isDatabaseUnavailable = (error: unknown): boolean => {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    // The socket refused, reset or timed out (a reset arrives when the server goes down mid-handshake).
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code ?? '') ||
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now
    code === '53300' || // too_many_connections
    /^08/.test(code ?? '') || // connection_exception class
    /Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(message)
  );
};

/** Turns any error into an RFC 7807 response. Unknown errors are logged and answered without details. */
export const toProblem = (error: unknown, logger: Logger): ProblemDetails => {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof DomainError) {
    return problem(DOMAIN_STATUS[error.kind], error.code, error.message, error.errors.length ? { errors: error.errors } : {});
  }
  if (error instanceof ConcurrencyError) {
    return problem(409, error.code, 'Someone else changed this at the same time; read it again and retry');
  }
  if (error instanceof IdempotencyKeyReusedError) return problem(422, error.code, error.message);
  const fastifyError = error as { statusCode?: number; code?: string; message?: string } | null;
  if (fastifyError?.code?.startsWith('FST_') && fastifyError.statusCode && fastifyError.statusCode < 500) {
    return fastifyProblem(fastifyError.statusCode, fastifyError.code, fastifyError.message);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 413) return fastifyProblem(413, 'FST_ERR_CTP_BODY_TOO_LARGE', undefined);
    return problem(status, status === 404 ? 'ROUTE.NOT_FOUND' : `HTTP.${status}`, error.message);
  }
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return fastifyProblem(fastifyError.statusCode, fastifyError.code, fastifyError.message);
  }
  if (isDatabaseUnavailable(error)) return problem(503, 'SERVICE.UNAVAILABLE', 'The database is unavailable; retry shortly');
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
};

const fastifyProblem = (status: number, code: string | undefined, message: string | undefined): ProblemDetails => {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'REQUEST.BODY_TOO_LARGE', 'The request body is larger than 1 MiB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'REQUEST.INVALID_JSON', 'The body is not valid JSON');
    case 'FST_ERR_CTP_FORBIDDEN_KEY':
      return problem(400, 'REQUEST.FORBIDDEN_KEY', message, { errors: [{ field: '__proto__', message: 'is not allowed' }] });
    case 'FST_ERR_CTP_JSON_TOO_DEEP':
      return problem(400, 'REQUEST.TOO_DEEP', message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'REQUEST.EMPTY_BODY', 'The body is empty; send a JSON object');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'REQUEST.INVALID_URL', 'The URL is not valid (a malformed percent-encoding)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'REQUEST.INVALID_CONTENT_LENGTH', 'Content-Length does not match the body');
    default:
      if (status === 400 && /JSON/i.test(message ?? '')) {
        return problem(400, 'REQUEST.INVALID_JSON', 'The body is not valid JSON');
      }
      return problem(status, `HTTP.${status}`, message);
  }
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    sendProblem(reply, { ...toProblem(error, this.logger), instance: request.url, requestId: String(request.id) });
  }
}

export const sendProblem = (reply: FastifyReply, body: ProblemDetails): void => {
  if (body.status === 401) reply.header('www-authenticate', 'Bearer');
  void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
};

/**
 * Fastify's router refuses some URLs (a malformed percent-encoding) before any Nest code runs, so the
 * ProblemFilter never sees them: this answers those in the same problem format (`frameworkErrors`).
 */
export const sendFrameworkProblem = (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
  sendProblem(reply, { ...toProblem(error, new Logger('HTTP')), instance: request.url, requestId: String(request.id) });
};
