import { DomainError } from '../../shared/domain-error';
import type { ApproveMember } from '../dao-commands';
import type { MemberActivated, MemberApproved } from '../dao-events';
import { requireAdmin, requireDao, requireMember } from '../dao-guards';
import type { DaoState } from '../dao-state';
import { activationFor } from './activation';

/** Hybrid DAOs only: open DAOs need no approval, closed DAOs admit by vote (ADD_MEMBER). */
export const approveMember = (command: ApproveMember, state: DaoState): (MemberApproved | MemberActivated)[] => {
  requireAdmin(command.metadata);
  const dao = requireDao(state);
  if (dao.configuration.access !== 'hybrid')
    throw new DomainError(
      'MEMBER.APPROVAL_NOT_APPLICABLE',
      dao.configuration.access === 'open' ? 'Open DAOs need no approval' : 'Closed DAOs admit members by an ADD_MEMBER vote',
      'conflict',
    );
  const member = requireMember(dao, command.data.member);
  if (member.status !== 'PENDING' || member.admitted)
    throw new DomainError('MEMBER.NOT_PENDING', `${member.address} has no join request awaiting approval`, 'conflict');
  const { now, actor } = command.metadata;
  // A member who deposited before approval becomes ACTIVE at once.
  return [
    { type: 'MemberApproved', data: { member: member.address, approvedBy: actor, approvedAt: now } },
    ...activationFor(dao, { ...member, admitted: true }, now),
  ];
};
