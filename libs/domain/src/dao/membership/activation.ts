import type { MemberActivated } from '../dao-events';
import { hasFreeSeat } from '../dao-guards';
import type { ActiveDao, Member } from '../dao-state';

/**
 * Whether `member` (as they will be after the events being decided) becomes ACTIVE now:
 * - open: a PENDING member whose balance reaches the minimum deposit;
 * - hybrid: the same, once an admin approved them;
 * - closed: only an executed ADD_MEMBER vote activates (MemberAdmitted), never a deposit;
 * - an INACTIVE member (who had withdrawn everything) is back as soon as they deposit enough again.
 * The balance, not the single deposit, is compared with the minimum, so two small deposits count.
 * With every seat taken the member stays PENDING; their deposit is still recorded (it is a chain fact).
 */
export const activationFor = (dao: ActiveDao, member: Member, now: string): MemberActivated[] => {
  const enough = member.currentBalance > 0n && member.currentBalance >= dao.configuration.minimumDeposit;
  if (!enough) return [];
  if (member.status === 'INACTIVE') return [activated(member, now)];
  if (member.status !== 'PENDING') return [];
  const access = dao.configuration.access;
  const allowed = access === 'open' || (access === 'hybrid' && member.admitted);
  return allowed && hasFreeSeat(dao) ? [activated(member, now)] : [];
};

const activated = (member: Member, now: string): MemberActivated => ({
  type: 'MemberActivated',
  data: { member: member.address, activatedAt: now },
});
