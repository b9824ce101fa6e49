import { DomainError } from '../../shared/domain-error';
import type { ExpireJoinRequest } from '../dao-commands';
import type { MemberJoinRequestExpired } from '../dao-events';
import { requireDao } from '../dao-guards';
import type { DaoState } from '../dao-state';

/**
 * The request made at `requestedAt` lapses when nobody acted on it in time. Anything that happened to it
 * meanwhile (approved, admitted by vote, a deposit, a later request replacing it, already expired) means
 * there is nothing to expire, so a job that runs twice or late appends nothing. Too early is refused with
 * MEMBER.JOIN_REQUEST_NOT_DUE, so a job that ran ahead of its time is retried.
 */
export const expireJoinRequest = (command: ExpireJoinRequest, state: DaoState): MemberJoinRequestExpired[] => {
  const dao = requireDao(state);
  const { member: address, requestedAt, afterSeconds } = command.data;
  const member = dao.members.get(address);
  const untouched = member?.status === 'PENDING' && !member.admitted && member.currentBalance === 0n && member.requestedAt === requestedAt;
  if (!untouched) return [];
  const { now } = command.metadata;
  const dueAt = Date.parse(requestedAt) + afterSeconds * 1000;
  if (Date.parse(now) < dueAt)
    throw new DomainError(
      'MEMBER.JOIN_REQUEST_NOT_DUE',
      `${address}'s join request lapses at ${new Date(dueAt).toISOString()}, not before`,
      'conflict',
    );
  return [{ type: 'MemberJoinRequestExpired', data: { member: address, requestedAt, expiredAt: now } }];
};
