import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { streams } from '@ayllu/domain';
import { START, type PostgresEventStore } from '@ayllu/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage } from '../../../shared/paging/link-header';
import { pageLimit, Paged } from '../../../shared/paging/page-query';
import { invalidField } from '../../../shared/validation/invalid-field';
import { INT64_MAX, IsUintString } from '../../../shared/validation/validators';
import { EVENT_STORE, PG_POOL } from '../../../shared/tokens';
import { TimelineEntry, timelineEntry } from '../../proposals/get-proposal/get-proposal.controller';
import { daoNotFound, requireDaoId } from '../../../shared/dao-lookup';

class AfterPositionQuery {
  @ApiPropertyOptional({
    description:
      'A public log position: events after it (default: from the start). Kept for older clients; `cursor` is the same thing, opaque.',
    example: '1042',
  })
  @IsOptional()
  @IsUintString({ max: INT64_MAX })
  after?: string;
}

export class ListEventsQuery extends Paged(AfterPositionQuery) {}

export class AuditEntry extends TimelineEntry {
  @ApiProperty({ example: 'proposal-prop_0193a1b2c3d4e5f6' }) streamId!: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntry] }) items!: AuditEntry[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null when this page is empty' })
  nextCursor!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The same place as a log position, to pass as `after`; null when this page is empty',
  })
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
      'In commit-safe order: a page never skips an event that commits late, so paging with `cursor` = `nextCursor` (the ' +
      '`Link: rel="next"` header) sees every event once. The log is open-ended: a page after the last event is empty, ' +
      'with no next cursor; ask again later with the same cursor for what came since.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiOkResponse({ type: AuditPage })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListEventsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPage> {
    if (query.after !== undefined && query.cursor !== undefined) throw invalidField('cursor', 'give `cursor` or `after`, not both');
    const from =
      query.cursor === undefined
        ? query.after
        : decodeCursor(query.cursor, (key) =>
            key.length === 1 && typeof key[0] === 'string' && /^[1-9]\d{0,18}$/.test(key[0]) ? key[0] : null,
          );
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
    const after = from === undefined || BigInt(from) === 0n ? START : await this.store.checkpointAt(BigInt(from));
    if (!after) throw invalidField(query.cursor === undefined ? 'after' : 'cursor', `${from} is not a committed position of the log`);
    const events = await this.store.readStreamsAfter(streamIds, after, pageLimit(query));
    const last = events.at(-1)?.position.toString() ?? null;
    const nextCursor = last === null ? null : encodeCursor([last]);
    linkNextPage(request, reply, nextCursor);
    return { items: events.map((e) => ({ streamId: e.streamId, ...timelineEntry(e) })), nextCursor, nextAfter: last };
  }
}
