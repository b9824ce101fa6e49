import { DomainError } from '../shared/domain-error';
import { isAtOrAfter } from '../shared/time';
import type { ExpireProposal, StreamEvents } from './proposal-commands';
import { requireProposal } from './proposal-guards';
import type { ProposalState } from './proposal-state';

/**
 * A Succeeded proposal nobody queued within the execution window lapses. Like closing, it is idempotent:
 * a proposal that was queued (or already expired) in the meantime yields nothing.
 */
export const expireProposal = (command: ExpireProposal, state: ProposalState): StreamEvents => {
  const proposal = requireProposal(state);
  if (proposal.status !== 'Succeeded') return { dao: [], proposal: [] };
  const { now } = command.metadata;
  if (!isAtOrAfter(now, proposal.queueBy))
    throw new DomainError('PROPOSAL.NOT_EXPIRED', `It may be queued until ${proposal.queueBy}`, 'conflict');
  const { proposalId } = proposal;
  return {
    dao: [{ type: 'ProposalSettled', data: { proposalId, outcome: 'Expired' } }],
    proposal: [{ type: 'ProposalExpired', data: { proposalId, expiredAt: now } }],
  };
};
