import { DomainError } from '../../shared/domain-error';
import type { LeaveDao } from '../dao-commands';
import type { MemberLeft } from '../dao-events';
import { requireDao, requireMember } from '../dao-guards';
import type { DaoState } from '../dao-state';

/**
 * Leaving is only for an empty balance: money leaves through withdrawals or the emergency exit, which
 * the vault enforces, so the log never shows a member gone while the vault still holds their funds.
 */
export const leaveDao = (command: LeaveDao, state: DaoState): MemberLeft[] => {
  const dao = requireDao(state);
  const member = requireMember(dao, command.data.member);
  if (member.status === 'REMOVED') throw new DomainError('MEMBER.ALREADY_LEFT', `${member.address} already left`, 'conflict');
  if (member.currentBalance > 0n)
    throw new DomainError('MEMBER.HAS_BALANCE', 'Withdraw the balance (or use the emergency exit) before leaving', 'conflict');
  return [{ type: 'MemberLeft', data: { member: member.address, leftAt: command.metadata.now } }];
};
