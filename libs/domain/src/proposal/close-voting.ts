import { DomainError } from '../shared/domain-error';
import { addSeconds, isAtOrAfter } from '../shared/time';
import { evolveProposal } from './evolve-proposal';
import type { CloseVoting, StreamEvents } from './proposal-commands';
import type { ProposalEvent } from './proposal-events';
import { requireProposal } from './proposal-guards';
import type { ActiveProposal, ProposalState } from './proposal-state';
import { outcomeDecided, passes, quorumReached } from './tally';

const NOTHING: StreamEvents = { dao: [], proposal: [] };

/**
 * Weight of eligible voters who have not voted yet. Each voter's current ballot counts once in the tally, with the
 * weight frozen for them at submission (a changed vote withdraws the earlier one), and `totalEligibleWeight` is
 * the sum of those weights: what is not in the tally is uncast. Constant time, so checking early close on every
 * vote of a 100,000-voter proposal does not walk its voters.
 */
export const uncastWeight = (proposal: ActiveProposal): bigint =>
  proposal.totalEligibleWeight - (proposal.tally.for + proposal.tally.against + proposal.tally.abstain);

/** With early close on: everyone voted, or the weight still out cannot change the outcome. */
export const canCloseEarly = (state: ProposalState): boolean =>
  state.status === 'Active' && state.earlyClose && outcomeDecided(state.tally, uncastWeight(state), state);

/**
 * Ends voting at or after the deadline, or before it when `canCloseEarly`. Closing an already closed
 * proposal decides nothing (empty result), so the deadline job may run twice and close once.
 */
export const closeVoting = (command: CloseVoting, state: ProposalState): StreamEvents => {
  const proposal = requireProposal(state);
  if (proposal.status !== 'Active') return NOTHING;
  const { now } = command.metadata;
  const deadlinePassed = isAtOrAfter(now, proposal.votingEndsAt);
  if (!deadlinePassed && !canCloseEarly(proposal))
    throw new DomainError('PROPOSAL.VOTING_NOT_ENDED', `Voting ends at ${proposal.votingEndsAt}`, 'conflict');
  return closeEvents(proposal, now, !deadlinePassed);
};

export const closeEvents = (proposal: ActiveProposal, now: string, early: boolean): StreamEvents => {
  const { proposalId, tally } = proposal;
  const closed: ProposalEvent = passes(tally, proposal)
    ? {
        type: 'ProposalSucceeded',
        data: { proposalId, tally, closedAt: now, early, queueBy: addSeconds(now, proposal.executionWindowSeconds) },
      }
    : {
        type: 'ProposalDefeated',
        data: { proposalId, tally, closedAt: now, early, quorumReached: quorumReached(tally, proposal) },
      };
  return {
    dao: [
      {
        type: 'ProposalSettled',
        data: { proposalId, outcome: closed.type === 'ProposalSucceeded' ? 'Succeeded' : 'Defeated' },
      },
    ],
    proposal: [closed],
  };
};

/** After `events`, closes at once when early close applies. */
export const closeIfDecided = (state: ActiveProposal, events: readonly ProposalEvent[], now: string): StreamEvents => {
  const next = events.reduce(evolveProposal, state as ProposalState);
  if (next.status !== 'Active' || !canCloseEarly(next)) return { dao: [], proposal: events };
  const closing = closeEvents(next, now, true);
  return { dao: closing.dao, proposal: [...events, ...closing.proposal] };
};
