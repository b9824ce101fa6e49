import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import { addSeconds } from '../shared/time';
import type { ProposalOpened } from '../dao/dao-events';
import type { ActiveDao } from '../dao/dao-state';
import type { EligibleVoter, ProposalSubmitted } from './proposal-events';
import type { ProposalOf } from './proposal-payloads';

export interface OpenProposal {
  readonly proposalId: string;
  readonly proposer: Address;
  readonly proposal: ProposalOf;
  readonly title: string;
  readonly description: string;
  readonly now: string;
  readonly withdrawalId: string | null;
}

/**
 * Takes a voting slot and freezes the rules: eligible voters are the members ACTIVE now with weight > 0
 * (one each, or their balance), so a later joiner, deposit or parameter change cannot alter this vote.
 */
export const openProposal = (dao: ActiveDao, open: OpenProposal): { dao: ProposalOpened[]; proposal: ProposalSubmitted[] } => {
  const config = dao.configuration;
  if (dao.activeProposals.has(open.proposalId))
    throw new DomainError('PROPOSAL.ALREADY_EXISTS', `Proposal ${open.proposalId} already exists`, 'conflict');
  if (dao.activeProposals.size >= config.maxActiveProposals)
    throw new DomainError(
      'DAO.TOO_MANY_ACTIVE_PROPOSALS',
      `At most ${config.maxActiveProposals} proposals may be in voting at once`,
      'conflict',
    );
  const eligibleVoters: EligibleVoter[] = [...dao.members.values()]
    .filter((m) => m.status === 'ACTIVE' && m.weight > 0n)
    .map((m) => ({ voter: m.address, weight: m.weight }));
  const totalEligibleWeight = eligibleVoters.reduce((sum, v) => sum + v.weight, 0n);
  if (totalEligibleWeight === 0n) throw new DomainError('PROPOSAL.NO_ELIGIBLE_VOTERS', 'No member holds voting weight yet', 'conflict');
  const { proposal } = open;
  const subject = proposal.type === 'REMOVE_MEMBER' ? proposal.payload.member : null;
  return {
    dao: [
      {
        type: 'ProposalOpened',
        data: { proposalId: open.proposalId, type: proposal.type, subject, withdrawalId: open.withdrawalId },
      },
    ],
    proposal: [
      {
        type: 'ProposalSubmitted',
        data: {
          proposalId: open.proposalId,
          daoId: dao.daoId,
          ...proposal,
          proposer: open.proposer,
          title: open.title,
          description: open.description,
          votingType: config.votingType,
          eligibleVoters,
          totalEligibleWeight,
          quorumBps: config.quorumBps,
          thresholdBps: config.approvalThresholdBps[proposal.type],
          votingStartsAt: open.now,
          votingEndsAt: addSeconds(open.now, config.votingPeriodSeconds),
          allowVoteChange: config.allowVoteChange,
          earlyClose: config.earlyClose,
          executionWindowSeconds: config.executionWindowSeconds,
        },
      },
    ],
  };
};
