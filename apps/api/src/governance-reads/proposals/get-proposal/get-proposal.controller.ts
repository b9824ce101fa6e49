import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UNPUBLISHED_EVENT_FIELDS } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AsOfQuery } from '../../shared/as-of.query';
import { ProposalReader } from '../proposal-reader';
import { ProposalView, proposalViewOf } from '../proposal.view';

export class TimelineEntry {
  @ApiProperty({ example: '1042', description: 'Public log position' }) position!: string;
  @ApiProperty({ example: 3 }) version!: number;
  @ApiProperty({ example: 'VoteCast' }) type!: string;
  @ApiProperty({ example: { voter: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', choice: 'for', weight: '1' } }) data!: Record<
    string,
    unknown
  >;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) actor!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
}

export class ProposalDetailView extends ProposalView {
  @ApiProperty({
    type: [TimelineEntry],
    description: 'Every event of the proposal, from the log (ProposalSubmitted without its voter list)',
  })
  timeline!: TimelineEntry[];
}

export const timelineEntry = (e: RecordedEvent): TimelineEntry => ({
  position: e.position.toString(),
  version: e.version,
  type: e.type,
  data: JSON.parse(
    JSON.stringify(e.data, (k, v: unknown) =>
      UNPUBLISHED_EVENT_FIELDS[e.type]?.includes(k) ? undefined : typeof v === 'bigint' ? v.toString() : v,
    ),
  ) as Record<string, unknown>,
  actor: e.metadata.actor,
  occurredAt: e.metadata.occurredAt,
  recordedAt: e.recordedAt.toISOString(),
});

/**
 * The proposal's own timeline: its events as the audit log shows them, except that ProposalSubmitted does not
 * repeat the eligible voters (they are paged at `.../eligible-voters`; `rules.eligibleVoterCount` counts them).
 */
const proposalTimelineEntry = (e: RecordedEvent): TimelineEntry => {
  const entry = timelineEntry(e);
  if (e.type !== 'ProposalSubmitted') return entry;
  const { eligibleVoters: _voters, ...data } = entry.data;
  return { ...entry, data };
};

@ApiTags('Proposals')
@Controller('v1/daos/:id/proposals')
export class GetProposalController {
  constructor(private readonly proposals: ProposalReader) {}

  @Get(':pid')
  @ApiOperation({
    summary: 'Read a proposal with its frozen rules, live tally, state and timeline',
    description:
      'Folded from the log, so it is never behind; `asOf` stops at that point. The eligible voters are counted ' +
      '(`rules.eligibleVoterCount`), not listed: page through them at `GET /v1/daos/{id}/proposals/{pid}/eligible-voters`. ' +
      'Answers carry an ETag; send it back as If-None-Match for a 304 while nothing has changed.',
  })
  @ApiParam({ name: 'id', example: 'dao_0193a1b2c3d4e5f60718293a4b5c' })
  @ApiParam({ name: 'pid', example: 'prop_0193a1b2c3d4e5f6' })
  @ApiOkResponse({ type: ProposalDetailView })
  @ApiProblemResponses(400, 404)
  async get(@Param('id') id: string, @Param('pid') pid: string, @Query() query: AsOfQuery): Promise<ProposalDetailView> {
    const { state, events } = await this.proposals.get(id, pid, query.asOf);
    return { ...proposalViewOf(state), timeline: events.map(proposalTimelineEntry) };
  }
}
