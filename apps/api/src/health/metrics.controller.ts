import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry.token';

/**
 * Prometheus metrics of this API process: Node's own (CPU, memory, event-loop lag), request durations by route
 * template and status class, and the platform's operational gauges (processor lag, quarantined streams, the
 * webhook outbox, execution steps, chain calls). No addresses, keys or ids: counts and durations only.
 */
@ApiTags('Operations')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics of this API process and the platform (text exposition format)' })
  @ApiOkResponse({
    description: 'Prometheus text format',
    content: { 'text/plain': { example: 'ayllu_processor_lag_events{processor="proposals"} 0' } },
  })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * Observes every request's duration, whatever answered it (a guard, the validation pipe, a 404). Added to
 * Fastify before Nest registers its routes, since a hook applies to the routes registered after it.
 */
export function observeRequests(fastify: FastifyInstance, registry: Registry): void {
  const requests = new Histogram({
    name: 'ayllu_http_request_duration_seconds',
    help: 'API request durations by method, route template and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // The route template (`/v1/daos/:id`), never the URL: ids would make every DAO its own series.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.observe({ method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });
}
