import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type ApiDependencies } from './app.module';
import type { Registry } from 'prom-client';
import { observeRequests } from './health/metrics.controller';
import { METRICS_REGISTRY } from './health/metrics-registry.token';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './shared/json-depth';
import { createLogger, PinoNestLogger } from './shared/pino-logger';
import { sendFrameworkProblem } from './shared/problem.filter';
import { registerRateLimit } from './shared/rate-limit';
import { ReadCache } from './shared/read-cache/read-cache';
import { ReadCacheWatcher } from './shared/read-cache/read-cache-watcher';
import { serveCachedReads } from './shared/read-cache/serve-cached-reads';
import { EVENT_STORE } from './shared/tokens';
import type { PostgresEventStore } from '@ayllu/event-store';
import { serveWebApp } from './web/serve-web-app';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ONE_MIB = 1024 * 1024;

const parseError = (code: string, message: string) => Object.assign(new Error(message), { statusCode: 400, code });
/** Valid JSON that the parser refused anyway: it carries a key that could poison prototypes. */
const isPlainJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const tooDeep = () =>
  Object.assign(new Error(`The body nests deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400, code: 'FST_ERR_CTP_JSON_TOO_DEEP' });

/** Builds the HTTP application (not yet listening). Tests and `npm start` call this with their infrastructure. */
export const createApiApp = async (deps: ApiDependencies): Promise<NestFastifyApplication> => {
  const logger = createLogger(deps.config.logLevel, 'api');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: ONE_MIB,
    requestIdHeader: 'x-request-id',
    frameworkErrors: sendFrameworkProblem,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // The API sends no transaction, so it keeps no signing key: whatever the environment holds for the worker's
  // relayer is dropped here, before anything in the API can see it. On a selected network, signatures are bound
  // to its chain id and chain reads go to its RPC endpoint.
  const network = deps.network ?? null;
  const config = {
    ...deps.config,
    relayerPrivateKey: null,
    ...(network && { chainId: network.profile.chainId, rpcUrl: network.rpcUrl }),
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with({ ...deps, config }), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // Fastify's JSON parser, wrapped below with a depth limit, is the only body parser (Nest would add its own).
    bodyParser: false,
  });
  // Before any route is registered (Nest registers them at init), so the limit attaches to every one.
  await registerRateLimit(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  observeRequests(fastify, app.get<Registry>(METRICS_REGISTRY));
  // Read answers kept in memory while the log and the read models stand still (see ReadCache).
  const readCache = new ReadCache();
  const watcher = new ReadCacheWatcher({
    pool: deps.pool,
    store: app.get<PostgresEventStore>(EVENT_STORE),
    cache: readCache,
    onError: (error) => logger.warn({ err: error }, 'read cache: could not look at the log; reads are not cached meanwhile'),
  });
  await watcher.start();
  fastify.addHook('onClose', async () => watcher.stop());
  serveCachedReads(fastify, readCache);
  // The API speaks JSON only: a text/plain body is refused (415) instead of reaching validation as a string.
  // Errors raised by Fastify itself (body parsing, size limit) reach the ProblemFilter through Nest's own
  // Fastify error handler, so they are answered in the same problem format.
  fastify.removeContentTypeParser('text/plain');
  // JSON bodies keep Fastify's own parser (prototype-poisoning refused) and are refused when they nest deeper
  // than any body of this API does, before any recursive walk of them can overflow its stack.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // With a callback the default parser answers through `done` and returns nothing to await.
    void parseJson(request, body.toString(), (error, value) => {
      if (error) {
        const text = body.toString();
        return done(
          isPlainJson(text)
            ? parseError(
                'FST_ERR_CTP_FORBIDDEN_KEY',
                'The body has a "__proto__" or "constructor.prototype" key; no field of this API has that name',
              )
            : parseError('FST_ERR_CTP_INVALID_JSON_BODY', 'The body is not valid JSON'),
          undefined,
        );
      }
      if (nestsDeeperThan(value, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
      return done(null, value);
    });
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ayllu API')
      .setDescription(
        'Event-sourced DAO governance. Admin routes need `Authorization: Bearer <credential>`: the platform admin key ' +
          '(ADMIN_API_KEY), a DAO admin key (`POST /v1/daos/{id}/admin-keys`) or a Sign-In with Ethereum session token. ' +
          'Errors are RFC 7807 problem documents (`application/problem+json`) with a stable `code` and per-field `errors`. ' +
          'POST routes honour `Idempotency-Key`.',
      )
      .setVersion('1')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'The platform admin key, a DAO admin key, or a SIWE session token' },
        'admin',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await serveWebApp(app, deps.webDistDir);
  return app;
};
