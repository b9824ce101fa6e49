import { DomainError } from '../shared/domain-error';
import { PROPOSAL_LIMITS } from '../dao/dao-configuration';
import { isAtOrAfter } from '../shared/time';
import { requireActiveMember, requireDao } from '../dao/dao-guards';
import type { DaoState } from '../dao/dao-state';
import { closeIfDecided } from './close-voting';
import type { CastVote, StreamEvents } from './proposal-commands';
import { requireActiveProposal } from './proposal-guards';
import type { ProposalState } from './proposal-state';

const CHOICES = ['for', 'against', 'abstain'];

/**
 * Eligibility and weight come from the proposal (frozen at submission); the DAO is consulted only to keep
 * out a voter who was suspended, removed or left since. Voting again with the same choice is a no-op.
 */
export const castVote = (command: CastVote, proposalState: ProposalState, daoState: DaoState): StreamEvents => {
  const proposal = requireActiveProposal(proposalState);
  const { voter, choice, proposalId, reason } = command.data;
  const { now } = command.metadata;
  if (isAtOrAfter(now, proposal.votingEndsAt))
    throw new DomainError('PROPOSAL.VOTING_ENDED', `Voting ended at ${proposal.votingEndsAt}`, 'conflict');
  if (!CHOICES.includes(choice))
    throw new DomainError('VOTE.INVALID_CHOICE', 'A vote is for, against or abstain', 'invalid', [
      { field: 'choice', message: 'must be for, against or abstain' },
    ]);
  const { voteReasonMaxLength } = PROPOSAL_LIMITS;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > voteReasonMaxLength))
    throw new DomainError('VOTE.INVALID_REASON', `A reason is at most ${voteReasonMaxLength} characters`, 'invalid', [
      { field: 'reason', message: `must be at most ${voteReasonMaxLength} characters` },
    ]);
  const weight = proposal.eligibleVoters.get(voter);
  if (weight === undefined)
    throw new DomainError('VOTE.NOT_ELIGIBLE', `${voter} was not an eligible voter when the proposal opened`, 'forbidden');
  requireActiveMember(requireDao(daoState), voter);
  const previous = proposal.ballots.get(voter);
  if (previous && !proposal.allowVoteChange)
    throw new DomainError('VOTE.ALREADY_CAST', `${voter} already voted and this DAO does not allow changes`, 'conflict');
  if (previous?.choice === choice) return { dao: [], proposal: [] };
  return closeIfDecided(
    proposal,
    [
      {
        type: 'VoteCast',
        data: {
          proposalId,
          voter,
          choice,
          weight,
          replaces: previous?.choice ?? null,
          castAt: now,
          ...(reason ? { reason } : {}),
        },
      },
    ],
    now,
  );
};
