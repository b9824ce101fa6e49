import { DomainError } from '../../shared/domain-error';
import type { RequestToJoin } from '../dao-commands';
import { DAO_LIMITS } from '../dao-configuration';
import type { MemberJoinRequested } from '../dao-events';
import { hasFreeSeat, requireDao } from '../dao-guards';
import type { ActiveDao, DaoState } from '../dao-state';
import { isChecksumAddress } from '../../shared/address';

/** Join requests still awaiting a decision: what DAO_LIMITS.maxPendingJoinRequests bounds. */
export const pendingJoinRequests = (dao: ActiveDao): number => {
  let count = 0;
  for (const member of dao.members.values()) if (member.status === 'PENDING' && !member.admitted) count++;
  return count;
};

/**
 * Anyone may ask; a former (REMOVED) member may ask again. The request holds no seat yet, but the DAO holds
 * at most DAO_LIMITS.maxPendingJoinRequests of them at once: a request costs only a fresh key.
 */
export const requestToJoin = (command: RequestToJoin, state: DaoState): MemberJoinRequested[] => {
  const dao = requireDao(state);
  const { member } = command.data;
  if (!isChecksumAddress(member))
    throw new DomainError('MEMBER.INVALID_ADDRESS', 'The member must be an EIP-55 checksummed address', 'invalid', [
      { field: 'member', message: 'must be an EIP-55 checksummed address' },
    ]);
  const existing = dao.members.get(member);
  if (existing?.status === 'PENDING') throw new DomainError('MEMBER.ALREADY_REQUESTED', `${member} already asked to join`, 'conflict');
  if (existing && existing.status !== 'REMOVED')
    throw new DomainError('MEMBER.ALREADY_MEMBER', `${member} is already a member (${existing.status})`, 'conflict');
  if (!hasFreeSeat(dao))
    throw new DomainError('DAO.MEMBER_LIMIT_REACHED', `The DAO has its ${dao.configuration.maxMembers} members`, 'conflict');
  if (pendingJoinRequests(dao) >= DAO_LIMITS.maxPendingJoinRequests)
    throw new DomainError(
      'DAO.JOIN_REQUESTS_FULL',
      `The DAO already has ${DAO_LIMITS.maxPendingJoinRequests} join requests awaiting a decision; ask again once some are decided or lapse`,
      'conflict',
    );
  return [{ type: 'MemberJoinRequested', data: { member, requestedAt: command.metadata.now } }];
};
