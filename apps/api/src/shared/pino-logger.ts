import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Paths pino removes from every log line: credentials and signing secrets never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'adminApiKey',
  'secret',
  '*.secret',
  'privateKey',
  '*.privateKey',
];

export const createLogger = (level: string, name: string): Logger =>
  pino({ level, name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });

/** Nest's own messages (bootstrap, errors) go through the same structured logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
