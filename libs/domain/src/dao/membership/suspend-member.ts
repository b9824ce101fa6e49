import { DomainError } from '../../shared/domain-error';
import type { ReinstateMember, SuspendMember } from '../dao-commands';
import type { MemberReinstated, MemberSuspended } from '../dao-events';
import { requireAdmin, requireDao, requireMember, requireReason } from '../dao-guards';
import type { DaoState } from '../dao-state';

/** A suspended member keeps their balance (and may withdraw it) but can neither propose nor vote. */
export const suspendMember = (command: SuspendMember, state: DaoState): MemberSuspended[] => {
  requireAdmin(command.metadata);
  const dao = requireDao(state);
  const reason = requireReason(command.data.reason);
  const member = requireMember(dao, command.data.member);
  if (member.status !== 'ACTIVE' && member.status !== 'INACTIVE')
    throw new DomainError('MEMBER.CANNOT_SUSPEND', `A ${member.status} member cannot be suspended`, 'conflict');
  const { now, actor } = command.metadata;
  return [{ type: 'MemberSuspended', data: { member: member.address, reason, suspendedBy: actor, suspendedAt: now } }];
};

export const reinstateMember = (command: ReinstateMember, state: DaoState): MemberReinstated[] => {
  requireAdmin(command.metadata);
  const dao = requireDao(state);
  const reason = requireReason(command.data.reason);
  const member = requireMember(dao, command.data.member);
  if (member.status !== 'SUSPENDED')
    throw new DomainError('MEMBER.NOT_SUSPENDED', `${member.address} is ${member.status}, not SUSPENDED`, 'conflict');
  const { now, actor } = command.metadata;
  return [{ type: 'MemberReinstated', data: { member: member.address, reason, reinstatedBy: actor, reinstatedAt: now } }];
};
