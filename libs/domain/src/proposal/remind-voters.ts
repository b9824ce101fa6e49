import { DomainError } from '../shared/domain-error';
import { addSeconds, isAtOrAfter } from '../shared/time';
import type { RemindVoters } from './proposal-commands';
import type { ProposalReminderDue } from './proposal-events';
import { requireProposal } from './proposal-guards';
import type { ActiveProposal, ProposalState } from './proposal-state';

const REMINDER_LEAD_SECONDS = 24 * 60 * 60;

/** When the reminder job should run: 24 h before the end, or at the start for votes shorter than that. */
export const reminderDueAt = (proposal: Pick<ActiveProposal, 'votingStartsAt' | 'votingEndsAt'>): string => {
  const dayBefore = addSeconds(proposal.votingEndsAt, -REMINDER_LEAD_SECONDS);
  return isAtOrAfter(dayBefore, proposal.votingStartsAt) ? dayBefore : proposal.votingStartsAt;
};

/** Emits the reminder once, only while voting is open; a second run (or one after closing) yields nothing. */
export const remindVoters = (command: RemindVoters, state: ProposalState): ProposalReminderDue[] => {
  const proposal = requireProposal(state);
  if (proposal.status !== 'Active' || proposal.reminded) return [];
  const { now } = command.metadata;
  if (!isAtOrAfter(now, reminderDueAt(proposal)))
    throw new DomainError('PROPOSAL.REMINDER_NOT_DUE', `The reminder is due at ${reminderDueAt(proposal)}`, 'conflict');
  if (isAtOrAfter(now, proposal.votingEndsAt)) return [];
  const notVoted = [...proposal.eligibleVoters.keys()].filter((voter) => !proposal.ballots.has(voter));
  return [
    {
      type: 'ProposalReminderDue',
      data: { proposalId: proposal.proposalId, votingEndsAt: proposal.votingEndsAt, notVoted, remindedAt: now },
    },
  ];
};
