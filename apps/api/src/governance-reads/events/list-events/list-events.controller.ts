import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { streams } from '@ayllu/domain';
import { START, type PostgresEventStore } from '@ayllu/event-store';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { invalidField } from '../../../shared/validation/invalid-field';
import { INT64_MAX, IsUintString } from '../../../shared/validation/validators';
import { EVENT_STORE, PG_POOL } from '../../../shared/tokens';
import { TimelineEntry, timelineEntry } from '../../proposals/get-proposal/get-proposal.controller';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';

export class ListEventsQuery {
  @ApiPropertyOptional({ description: 'A public log position: events after it (default: from the start)', example: '1042' })
  @IsOptional()
  @IsUintString({ max: INT64_MAX })
  after?: string;

  @ApiPropertyOptional({ description: '1 to 1000, default 100', example: '100' })
  @IsOptional()
  @IsUintString({ min: 1n, max: 1000n })
  limit?: string;
}

export class AuditEntry extends TimelineEntry {
  @ApiProperty({ example: 'proposal-prop_0193a1b2c3d4e5f6' }) streamId!: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntry] }) items!: AuditEntry[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page; null when this page is empty' })
  nextAfter!: string | null;
}

@ApiTags('Audit log')
@Controller('v1/daos/:id/events')
export class ListEventsController {
  constructor(
    @Inject(PG_POOL) private readonly db: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The DAO's audit log: every event of the DAO and its proposals",
    description:
      'In commit-safe order: a page never skips an event that commits late, so paging with `after` = `nextAfter` sees every event once.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: AuditPage })
  @ApiProblemResponses(400, 404)
  async list(@Param('id') id: string, @Query() query: ListEventsQuery): Promise<AuditPage> {
    requireDaoId(id);
    const opened = await this.db.query<{ type: string; proposal_id: string | null }>(
      `SELECT type, data->>'proposalId' AS proposal_id FROM events WHERE stream_id = $1 AND (version = 1 OR type = 'ProposalOpened')`,
      [streams.dao.of(id).streamId],
    );
    if (opened.rows.length === 0) throw daoNotFound(id);
    // The DAO, its treasury (Safe transactions, timelock operations, contract deployment) and its proposals.
    const streamIds = [
      streams.dao.of(id).streamId,
      streams.treasury.of(id).streamId,
      ...opened.rows.filter((r) => r.type === 'ProposalOpened').map((r) => streams.proposal.of(r.proposal_id!).streamId),
    ];
    const after = query.after === undefined || BigInt(query.after) === 0n ? START : await this.store.checkpointAt(BigInt(query.after));
    if (!after) throw invalidField('after', `${query.after} is not a committed position of the log`);
    const events = await this.store.readStreamsAfter(streamIds, after, Number(query.limit ?? 100));
    return {
      items: events.map((e) => ({ streamId: e.streamId, ...timelineEntry(e) })),
      nextAfter: events.at(-1)?.position.toString() ?? null,
    };
  }
}
