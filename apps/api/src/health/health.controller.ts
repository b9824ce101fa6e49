import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pendingMigrations, type AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { listQuarantines, type QuarantineView } from '../processing/quarantine.view';
import { ApiProblemResponses } from '../shared/api-problems';
import { problem, ProblemException } from '../shared/problem';
import { APP_CONFIG, PG_POOL } from '../shared/tokens';

type ChainHealth = { readonly status: 'ok'; readonly blockNumber: string } | { readonly status: 'down'; readonly error: string };

/** One JSON-RPC round trip with a short deadline: the chain is reachable, and how far it is. */
const checkChain = async (rpcUrl: string): Promise<ChainHealth> => {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      signal: AbortSignal.timeout(1_500),
    });
    const body = (await response.json()) as { result?: string };
    if (!response.ok || typeof body.result !== 'string') return { status: 'down', error: `RPC answered ${response.status}` };
    return { status: 'ok', blockNumber: BigInt(body.result).toString() };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.name : 'unreachable' };
  }
};

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process answers (restart it when this fails); checks nothing else',
  })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database answers and has every schema change this build needs (send traffic only then)',
    description: '503 `HEALTH.NOT_READY` naming what is missing. A chain that does not answer does not make the API unready.',
  })
  @ApiOkResponse({ schema: { example: { status: 'ready', database: 'ok' } } })
  @ApiProblemResponses(503)
  async ready(): Promise<{ status: 'ready'; database: 'ok' }> {
    let pending: string[];
    try {
      pending = await pendingMigrations(this.db);
    } catch {
      throw new ProblemException(problem(503, 'HEALTH.NOT_READY', 'The database does not answer'));
    }
    if (pending.length > 0)
      throw new ProblemException(
        problem(503, 'HEALTH.NOT_READY', `The database lacks schema changes: ${pending.join(', ')} (run npm run migration:run)`),
      );
    return { status: 'ready', database: 'ok' };
  }

  @Get()
  @ApiOperation({
    summary: 'Liveness, database reachability, quarantined streams and, when a chain is configured, chain reachability',
    description:
      '503 when the database does not answer. A chain that does not answer leaves the API serving (reads and votes need no chain) ' +
      'and shows as `chain.status: "down"` with `status: "degraded"`; the worker retries chain calls with backoff meanwhile. ' +
      'A stream a worker processor quarantined (one of its events kept failing; every other stream carries on) is listed under ' +
      '`quarantined` with `status: "degraded"` until an admin resumes it (`POST /v1/admin/quarantines/{processor}/{streamId}/resume`).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'degraded',
        database: 'ok',
        chain: { status: 'ok', blockNumber: '1234' },
        quarantined: [
          {
            processor: 'proposals',
            stream: 'proposal-b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
            daoId: 'dao_0193a1b2c3d4e5f60718293a4b5c',
            eventType: 'VoteCast',
            logPosition: '10452',
            reason: 'TypeError: Cannot convert undefined to a BigInt',
            since: '2026-11-26T12:00:00.000Z',
            resumeRequestedAt: null,
          },
        ],
      },
    },
  })
  @ApiProblemResponses(503)
  async check(): Promise<{ status: 'ok' | 'degraded'; database: 'ok'; chain?: ChainHealth; quarantined?: QuarantineView[] }> {
    let quarantined: QuarantineView[];
    try {
      quarantined = await listQuarantines(this.db);
    } catch {
      throw new ProblemException(problem(503, 'HEALTH.DATABASE_UNAVAILABLE', 'The database does not answer'));
    }
    const processing = quarantined.length > 0 ? { quarantined } : {};
    if (!this.config.rpcUrl) return { status: quarantined.length > 0 ? 'degraded' : 'ok', database: 'ok', ...processing };
    const chain = await checkChain(this.config.rpcUrl);
    return { status: chain.status === 'ok' && quarantined.length === 0 ? 'ok' : 'degraded', database: 'ok', chain, ...processing };
  }
}
