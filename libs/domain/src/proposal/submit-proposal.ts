import { DomainError } from '../shared/domain-error';
import { PROPOSAL_LIMITS } from '../dao/dao-configuration';
import { requireActiveMember, requireDao } from '../dao/dao-guards';
import type { DaoState } from '../dao/dao-state';
import { openProposal } from './open-proposal';
import type { StreamEvents, SubmitProposal } from './proposal-commands';
import { validateProposalPayload } from './validate-proposal-payload';

/** Any ACTIVE member may propose. DAO side: ProposalOpened; proposal side: ProposalSubmitted. */
export const submitProposal = (command: SubmitProposal, state: DaoState): StreamEvents => {
  const dao = requireDao(state);
  const { proposalId, proposer, type, payload, title = '', description = '' } = command.data;
  requireActiveMember(dao, proposer);
  const { titleMaxLength, descriptionMaxLength } = PROPOSAL_LIMITS;
  if (typeof title !== 'string' || title.length > titleMaxLength || /[\r\n]/.test(title))
    throw new DomainError('PROPOSAL.INVALID_TITLE', `The title is one line of at most ${titleMaxLength} characters`, 'invalid', [
      { field: 'title', message: `must be one line of at most ${titleMaxLength} characters` },
    ]);
  if (typeof description !== 'string' || description.length > descriptionMaxLength)
    throw new DomainError('PROPOSAL.INVALID_DESCRIPTION', `The description is at most ${descriptionMaxLength} characters`, 'invalid', [
      { field: 'description', message: `must be at most ${descriptionMaxLength} characters` },
    ]);
  const proposal = validateProposalPayload(type, payload, dao);
  // A withdrawal of a member's own funds goes through RequestWithdrawal, which links the request.
  if (proposal.type === 'WITHDRAW_FUNDS' && proposal.payload.withdrawalId !== undefined)
    throw new DomainError('PROPOSAL.INVALID_PAYLOAD', 'withdrawalId is set by RequestWithdrawal only', 'invalid', [
      { field: 'payload.withdrawalId', message: 'must not be given' },
    ]);
  return openProposal(dao, {
    proposalId,
    proposer,
    proposal,
    title,
    description,
    now: command.metadata.now,
    withdrawalId: null,
  });
};
