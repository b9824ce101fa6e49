import type { VotingType } from './dao-configuration';
import type { MemberStatus } from './dao-state';

/** Only ACTIVE members carry weight: one each (democratic) or their current balance (weighted). */
export const memberWeight = (status: MemberStatus, currentBalance: bigint, votingType: VotingType): bigint => {
  if (status !== 'ACTIVE') return 0n;
  return votingType === 'democratic' ? 1n : currentBalance;
};
