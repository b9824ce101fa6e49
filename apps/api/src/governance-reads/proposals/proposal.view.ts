import { ApiProperty } from '@nestjs/swagger';
import { reminderDueAt, type ExistingProposal, type ProposalState } from '@ayllu/domain';
import { problem, ProblemException } from '../../shared/problem';

const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

export class TallyView {
  @ApiProperty({ example: '2' }) for!: string;
  @ApiProperty({ example: '1' }) against!: string;
  @ApiProperty({ example: '0' }) abstain!: string;
}

export class EligibleVoterView {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) voter!: string;
  @ApiProperty({ example: '1' }) weight!: string;
}

/** What the vote is judged by, frozen when the proposal was submitted. */
export class FrozenRulesView {
  @ApiProperty({ enum: ['democratic', 'weighted'] }) votingType!: string;
  @ApiProperty({ example: 5100 }) quorumBps!: number;
  @ApiProperty({ example: 5000 }) thresholdBps!: number;
  @ApiProperty({ example: '3' }) totalEligibleWeight!: string;
  @ApiProperty({ example: 3, description: 'The voters themselves: `GET /v1/daos/{id}/proposals/{pid}/eligible-voters`, a page at a time' })
  eligibleVoterCount!: number;
  @ApiProperty() allowVoteChange!: boolean;
  @ApiProperty() earlyClose!: boolean;
  @ApiProperty({ example: 604800 }) executionWindowSeconds!: number;
}

export class ProposalView {
  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f6' }) id!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({
    enum: [
      'ADD_MEMBER',
      'REMOVE_MEMBER',
      'WITHDRAW_FUNDS',
      'CHANGE_PARAMETERS',
      'CHANGE_STRATEGY',
      'DISTRIBUTE_YIELDS',
      'UPGRADE_CONTRACT',
    ],
  })
  type!: string;
  @ApiProperty({
    example: { recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '1000' },
    description: 'Amounts as decimal strings',
  })
  payload!: Record<string, unknown>;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) proposer!: string;
  @ApiProperty({ example: 'Move idle funds to the new vault strategy' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['Active', 'Succeeded', 'Defeated', 'Canceled', 'Expired', 'Queued', 'Scheduled', 'Executed', 'Failed'] })
  state!: string;
  @ApiProperty({ type: FrozenRulesView }) rules!: FrozenRulesView;
  @ApiProperty({ type: TallyView, description: 'Live while Active; final once closed' }) tally!: TallyView;
  @ApiProperty() votingStartsAt!: string;
  @ApiProperty() votingEndsAt!: string;
  @ApiProperty({ description: 'When the reminder to voters who have not voted is due' }) reminderDueAt!: string;
  @ApiProperty({ example: 2 }) ballotCount!: number;
  @ApiProperty({
    description: 'How the proposal ended or where it is on the execution path (closedAt, queueBy, canceledBy, vetoed, reason, ...)',
    example: { closedAt: '2026-01-04T00:00:00.000Z', queueBy: '2026-01-11T00:00:00.000Z' },
  })
  resolution!: Record<string, unknown>;
}

const RECORD_KEYS = new Set([
  'status',
  'proposalId',
  'daoId',
  'type',
  'payload',
  'proposer',
  'title',
  'description',
  'votingType',
  'eligibleVoters',
  'totalEligibleWeight',
  'quorumBps',
  'thresholdBps',
  'votingStartsAt',
  'votingEndsAt',
  'allowVoteChange',
  'earlyClose',
  'executionWindowSeconds',
  'ballots',
  'tally',
  'reminded',
]);

/**
 * One view of a proposal, from its folded domain state (read model or log alike). It counts the eligible voters
 * but does not list them: up to 1,000 of them would make every read of a proposal tens of kilobytes.
 */
export const proposalViewOf = (p: ExistingProposal): ProposalView => ({
  id: p.proposalId,
  daoId: p.daoId,
  type: p.type,
  payload: plain(p.payload) as Record<string, unknown>,
  proposer: p.proposer,
  title: p.title ?? '',
  description: p.description,
  state: p.status,
  rules: {
    votingType: p.votingType,
    quorumBps: p.quorumBps,
    thresholdBps: p.thresholdBps,
    totalEligibleWeight: p.totalEligibleWeight.toString(),
    eligibleVoterCount: p.eligibleVoters.size,
    allowVoteChange: p.allowVoteChange,
    earlyClose: p.earlyClose,
    executionWindowSeconds: p.executionWindowSeconds,
  },
  tally: { for: p.tally.for.toString(), against: p.tally.against.toString(), abstain: p.tally.abstain.toString() },
  votingStartsAt: p.votingStartsAt,
  votingEndsAt: p.votingEndsAt,
  reminderDueAt: reminderDueAt(p),
  ballotCount: p.ballots.size,
  resolution: Object.fromEntries(Object.entries(p).filter(([k]) => !RECORD_KEYS.has(k))),
});

/** A write answers with the same proposal shape as `GET /v1/daos/:id/proposals/:pid`, from the state it wrote. */
export const toProposalView = (state: ProposalState): ProposalView => {
  if (state.status === 'Absent') throw new ProblemException(problem(404, 'PROPOSAL.NOT_FOUND', 'No such proposal in this DAO'));
  return proposalViewOf(state);
};

export const PROPOSAL_STATES = [
  'Active',
  'Succeeded',
  'Defeated',
  'Canceled',
  'Expired',
  'Queued',
  'Scheduled',
  'Executed',
  'Failed',
] as const;
