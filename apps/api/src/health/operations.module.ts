import { Module } from '@nestjs/common';
import { createMetricsRegistry } from '@ayllu/platform';
import type { Pool } from 'pg';
import { PG_POOL } from '../shared/tokens';
import { HealthController } from './health.controller';
import { METRICS_REGISTRY } from './metrics-registry.token';
import { MetricsController } from './metrics.controller';

/** Health (liveness, readiness, the detailed report) and Prometheus metrics. */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [{ provide: METRICS_REGISTRY, inject: [PG_POOL], useFactory: (pool: Pool) => createMetricsRegistry('api', pool) }],
})
export class OperationsModule {}
