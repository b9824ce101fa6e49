import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../shared/api-problems';
import { daoNotFound, requireDaoId } from '../../shared/dao-lookup';
import { EVENT_STORE, PG_POOL } from '../../shared/tokens';
import { parseAsOf } from '../../governance-reads/shared/as-of';
import { AsOfQuery } from '../../governance-reads/shared/as-of.query';
import { isSeated } from '../../governance-reads/members/member.view';
import { DAO_COLUMNS, daoViewFromRow, DaoView, deploymentOf, toDaoView, type DaoRow } from '../dao.view';

@ApiTags('DAOs')
@Controller('v1/daos')
export class GetDaoController {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Read a DAO',
    description: '`asOf` (an ISO time or a log position) folds the log up to that point: the DAO as it was then.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: DaoView })
  @ApiProblemResponses(400, 404)
  async get(@Param('id') id: string, @Query() query: AsOfQuery): Promise<DaoView> {
    requireDaoId(id);
    if (query.asOf !== undefined) return this.fromLog(id, query.asOf);
    const { rows } = await this.db.query<DaoRow>(`SELECT ${DAO_COLUMNS} FROM rm_daos WHERE id = $1`, [id]);
    const row = rows[0];
    if (row) return daoViewFromRow(row);
    // Just created and not projected yet: answer from the log, so a client can read its own write.
    return this.fromLog(id, undefined);
  }

  private async fromLog(id: string, asOf: string | undefined): Promise<DaoView> {
    const cut = asOf === undefined ? null : await parseAsOf(asOf, this.store);
    const [{ state }, { state: treasury }] = await Promise.all([
      this.store.load(streams.dao.of(id), { asOf: cut }),
      this.store.load(streams.treasury.of(id), { asOf: cut }),
    ]);
    if (state.status === 'Absent') throw daoNotFound(id);
    return toDaoView({
      id,
      configuration: state.configuration,
      memberCount: [...state.members.values()].filter(isSeated).length,
      createdAt: state.createdAt,
      createdBy: state.createdBy,
      deployment: deploymentOf(treasury),
    });
  }
}
