import { DomainError } from '../shared/domain-error';
import { requireAdmin, requireReason } from '../dao/dao-guards';
import type { CancelProposal, StreamEvents, VetoProposal } from './proposal-commands';
import { requireActiveProposal, requireStatus } from './proposal-guards';
import type { ProposalState } from './proposal-state';

/** The proposer may withdraw their proposal while nobody has voted on it. */
export const cancelProposal = (command: CancelProposal, state: ProposalState): StreamEvents => {
  const proposal = requireActiveProposal(state);
  const { proposalId, canceledBy } = command.data;
  if (canceledBy !== proposal.proposer)
    throw new DomainError('PROPOSAL.NOT_PROPOSER', 'Only the proposer may cancel a proposal', 'forbidden');
  if (proposal.ballots.size > 0)
    throw new DomainError('PROPOSAL.HAS_VOTES', 'A proposal cannot be canceled once someone voted', 'conflict');
  return {
    dao: [{ type: 'ProposalSettled', data: { proposalId, outcome: 'Canceled' } }],
    proposal: [{ type: 'ProposalCanceled', data: { proposalId, canceledBy, canceledAt: command.metadata.now } }],
  };
};

/**
 * An admin may stop a proposal, with a reason, at any point before execution. The DAO side always hears
 * of it (outcome Vetoed): for a proposal in voting that frees the slot, and in every case it releases what
 * the proposal held (a removal flag, a large withdrawal awaiting it).
 */
export const vetoProposal = (command: VetoProposal, state: ProposalState): StreamEvents => {
  requireAdmin(command.metadata);
  const reason = requireReason(command.data.reason);
  const proposal = requireStatus(state, 'Active', 'Succeeded', 'Queued', 'Scheduled');
  const { proposalId } = proposal;
  return {
    dao: [{ type: 'ProposalSettled', data: { proposalId, outcome: 'Vetoed' } }],
    proposal: [
      {
        type: 'ProposalVetoed',
        data: { proposalId, vetoedBy: command.metadata.actor, reason, vetoedAt: command.metadata.now },
      },
    ],
  };
};
