import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { VoteCast } from '@ayllu/domain';
import type { Pool } from 'pg';
import { ApiProblemResponses } from '../../../shared/api-problems';
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
  @ApiOperation({ summary: 'Every ballot of a proposal in the order cast; changed votes are kept and marked `replaced`' })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f6' })
  @ApiOkResponse({ type: [BallotView] })
  @ApiProblemResponses(404)
  async list(@Param('id') id: string, @Param('pid') pid: string): Promise<BallotView[]> {
    const projected = await this.db.query('SELECT 1 FROM rm_proposals WHERE id = $1 AND dao_id = $2', [pid, id]);
    if (projected.rows.length > 0) {
      const { rows } = await this.db.query<VoteRow>(
        `SELECT voter, choice, weight::text, replaces, replaced, cast_at, position::text FROM rm_votes
         WHERE proposal_id = $1 ORDER BY version`,
        [pid],
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
    return votes.map((e, i) => {
      const v = e.data as VoteCast['data'];
      return {
        voter: v.voter,
        choice: v.choice,
        weight: v.weight.toString(),
        replaces: v.replaces,
        replaced: votes.slice(i + 1).some((later) => (later.data as VoteCast['data']).voter === v.voter),
        castAt: v.castAt,
        position: e.position.toString(),
      };
    });
  }
}
