import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { PG_POOL } from '../shared/tokens';

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly db: Pool) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'ok' } } })
  @ApiProblemResponses(503)
  async check(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ProblemException(problem(503, 'HEALTH.DATABASE_UNAVAILABLE', 'The database does not answer'));
    }
    return { status: 'ok', database: 'ok' };
  }
}
