import { ApiProperty } from '@nestjs/swagger';
import type { ProposalState } from '@ayllu/domain';
import { plainJson } from './plain-json';

export class EligibleVoterView {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) voter!: string;
  @ApiProperty({ example: '1' }) weight!: string;
}

/** The rules frozen when the proposal opened: later joiners, deposits or parameter changes do not reach them. */
export class FrozenRulesView {
  @ApiProperty({ enum: ['democratic', 'weighted'] }) votingType!: string;
  @ApiProperty({ example: 5100 }) quorumBps!: number;
  @ApiProperty({ example: 5000 }) thresholdBps!: number;
  @ApiProperty({ example: '3' }) totalEligibleWeight!: string;
  @ApiProperty({ type: [EligibleVoterView] }) eligibleVoters!: EligibleVoterView[];
  @ApiProperty() votingStartsAt!: string;
  @ApiProperty() votingEndsAt!: string;
  @ApiProperty() allowVoteChange!: boolean;
  @ApiProperty() earlyClose!: boolean;
  @ApiProperty({ example: 604800 }) executionWindowSeconds!: number;
}

export class TallyView {
  @ApiProperty({ example: '2' }) for!: string;
  @ApiProperty({ example: '0' }) against!: string;
  @ApiProperty({ example: '1' }) abstain!: string;
}

export class ProposalView {
  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' }) id!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'CHANGE_STRATEGY' }) type!: string;
  @ApiProperty({ example: 'Move idle funds to the new vault strategy' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: { strategy: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' }, description: 'Amounts as decimal strings' })
  payload!: Record<string, unknown>;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) proposer!: string;
  @ApiProperty({ enum: ['Active', 'Succeeded', 'Defeated', 'Canceled', 'Expired', 'Queued', 'Scheduled', 'Executed', 'Failed'] })
  state!: string;
  @ApiProperty({ type: FrozenRulesView }) rules!: FrozenRulesView;
  @ApiProperty({ type: TallyView }) tally!: TallyView;
  @ApiProperty({ example: 2, description: 'Members who have voted' }) voted!: number;
}

export const toProposalView = (state: ProposalState): ProposalView | null => {
  if (state.status === 'Absent') return null;
  return {
    id: state.proposalId,
    daoId: state.daoId,
    type: state.type,
    title: state.title ?? '',
    description: state.description,
    payload: plainJson(state.payload),
    proposer: state.proposer,
    state: state.status,
    rules: {
      votingType: state.votingType,
      quorumBps: state.quorumBps,
      thresholdBps: state.thresholdBps,
      totalEligibleWeight: state.totalEligibleWeight.toString(),
      eligibleVoters: [...state.eligibleVoters].map(([voter, weight]) => ({ voter, weight: weight.toString() })),
      votingStartsAt: state.votingStartsAt,
      votingEndsAt: state.votingEndsAt,
      allowVoteChange: state.allowVoteChange,
      earlyClose: state.earlyClose,
      executionWindowSeconds: state.executionWindowSeconds,
    },
    tally: plainJson(state.tally),
    voted: state.ballots.size,
  };
};
