import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { VoteCast } from '@ayllu/domain';
import type { Pool } from 'pg';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { decodeCursor, encodeCursor } from '../../../shared/paging/cursor';
import { linkNextPage, pageOf } from '../../../shared/paging/link-header';
import { pageLimit, PageQuery } from '../../../shared/paging/page-query';
import { PG_POOL } from '../../../shared/tokens';
import { ProposalReader } from '../proposal-reader';

interface VoteRow {
  readonly voter: string;
  readonly choice: string;
  readonly weight: string;
  readonly replaces: string | null;
  readonly replaced: boolean;
  readonly cast_at: Date;
  readonly position: string;
}

export class BallotView {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) voter!: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'] }) choice!: string;
  @ApiProperty({ example: '1' }) weight!: string;
  @ApiProperty({ nullable: true, enum: ['for', 'against', 'abstain'], description: 'The choice this ballot changed' }) replaces!:
    string | null;
  @ApiProperty({ description: 'A later ballot of the same voter superseded this one' }) replaced!: boolean;
  @ApiProperty() castAt!: string;
  @ApiProperty({ example: '1042' }) position!: string;
}

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals')
export class ListVotesController {
  constructor(
    private readonly proposals: ProposalReader,
    @Inject(PG_POOL) private readonly db: Pool,
  ) {}

  @Get(':pid/votes')
  @ApiOperation({
    summary: 'Every ballot of a proposal in the order cast; changed votes are kept and marked `replaced`',
    description: 'A page of `limit` ballots; the next one is at the `Link: rel="next"` header (none on the last page).',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f6' })
  @ApiOkResponse({ type: [BallotView] })
  @ApiProblemResponses(400, 404)
  async list(
    @Param('id') id: string,
    @Param('pid') pid: string,
    @Query() query: PageQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BallotView[]> {
    const after =
      query.cursor === undefined
        ? null
        : decodeCursor(query.cursor, (key) =>
            key.length === 1 && typeof key[0] === 'string' && /^[1-9]\d{0,18}$/.test(key[0]) ? key[0] : null,
          );
    const limit = pageLimit(query);
    const page = pageOf(await this.ballots(id, pid, after, limit), limit, (last) => encodeCursor([last.position]));
    linkNextPage(request, reply, page.nextCursor);
    return page.items;
  }

  /** The ballots after the one at log position `after`, in the order cast: `limit` + 1 of them. */
  private async ballots(id: string, pid: string, after: string | null, limit: number): Promise<BallotView[]> {
    const projected = await this.db.query('SELECT 1 FROM rm_proposals WHERE id = $1 AND dao_id = $2', [pid, id]);
    if (projected.rows.length > 0) {
      const { rows } = await this.db.query<VoteRow>(
        `SELECT voter, choice, weight::text, replaces, replaced, cast_at, position::text FROM rm_votes
         WHERE proposal_id = $1
           AND ($2::bigint IS NULL OR version > (SELECT version FROM rm_votes WHERE proposal_id = $1 AND position = $2::bigint))
         ORDER BY version LIMIT $3`,
        [pid, after, limit + 1],
      );
      return rows.map((r) => ({
        voter: r.voter,
        choice: r.choice,
        weight: r.weight,
        replaces: r.replaces,
        replaced: r.replaced,
        castAt: new Date(r.cast_at).toISOString(),
        position: r.position,
      }));
    }
    // Not projected yet: the same ballots from the log.
    const { events } = await this.proposals.get(id, pid, undefined);
    const votes = events.filter((e) => e.type === 'VoteCast');
    const start = after === null ? 0 : votes.findIndex((e) => e.position.toString() === after) + 1 || votes.length;
    return votes.slice(0, start + limit + 1).flatMap((e, i) => {
      if (i < start) return [];
      const v = e.data as VoteCast['data'];
      return [
        {
          voter: v.voter,
          choice: v.choice,
          weight: v.weight.toString(),
          replaces: v.replaces,
          replaced: votes.slice(i + 1).some((later) => (later.data as VoteCast['data']).voter === v.voter),
          castAt: v.castAt,
          position: e.position.toString(),
        },
      ];
    });
  }
}
