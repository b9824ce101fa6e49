import type { Member, VotingType } from '@ayllu/domain';

/**
 * Why a member's voting weight is what it is, in words a member can check. Mirrors the domain's
 * memberWeight: only ACTIVE members carry weight, one each or their balance in the smallest unit.
 */
export const weightReason = (member: Pick<Member, 'status' | 'currentBalance'>, votingType: VotingType): string => {
  if (member.status !== 'ACTIVE') return `${member.status.toLowerCase()}: only ACTIVE members carry weight`;
  return votingType === 'democratic'
    ? 'democratic: 1 per active member'
    : `weighted: current balance ${member.currentBalance} (smallest unit)`;
};

/** Members holding a seat (the DAO's member count): not a pending request, not gone. */
export const isSeated = (member: Pick<Member, 'status'>): boolean =>
  member.status === 'ACTIVE' || member.status === 'INACTIVE' || member.status === 'SUSPENDED';
