import type { Address } from '../shared/address';
import type { CommandMetadata } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { isAdminActor } from './admins/admin-actors';
import { DAO_LIMITS } from './dao-configuration';
import type { ActiveDao, DaoState, Member } from './dao-state';

export const requireDao = (state: DaoState): ActiveDao => {
  if (state.status !== 'Active') throw new DomainError('DAO.NOT_FOUND', 'No such DAO', 'not-found');
  return state;
};

export const requireMember = (dao: ActiveDao, address: Address): Member => {
  const member = dao.members.get(address);
  if (!member) throw new DomainError('MEMBER.NOT_FOUND', `${address} is not a member of this DAO`, 'not-found');
  return member;
};

export const requireActiveMember = (dao: ActiveDao, address: Address): Member => {
  const member = requireMember(dao, address);
  if (member.status !== 'ACTIVE') throw new DomainError('MEMBER.NOT_ACTIVE', `${address} is ${member.status}, not ACTIVE`, 'forbidden');
  return member;
};

/** Admin commands come through the admin API, whose actors name the admin (`admin:platform`, `admin-key:<id>`, `siwe:<address>`). */
export const requireAdmin = (metadata: CommandMetadata): void => {
  if (!isAdminActor(metadata.actor)) throw new DomainError('AUTH.ADMIN_REQUIRED', 'Only a DAO admin may do this', 'forbidden');
};

export const requireReason = (reason: unknown): string => {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > DAO_LIMITS.reasonMaxLength)
    throw new DomainError('MEMBER.REASON_REQUIRED', `A reason (1..${DAO_LIMITS.reasonMaxLength} characters) is required`, 'invalid', [
      { field: 'reason', message: `is required (at most ${DAO_LIMITS.reasonMaxLength} characters)` },
    ]);
  return reason.trim();
};

/**
 * Members holding a seat against maxMembers. PENDING requests do not, so that strangers asking to join
 * an open DAO cannot fill it; the limit is checked again when a pending member would become ACTIVE.
 */
export const seatedCount = (dao: ActiveDao): number =>
  [...dao.members.values()].filter((m) => m.status === 'ACTIVE' || m.status === 'INACTIVE' || m.status === 'SUSPENDED').length;

export const hasFreeSeat = (dao: ActiveDao): boolean => seatedCount(dao) < dao.configuration.maxMembers;

export const requirePositiveAmount = (amount: unknown, code = 'WITHDRAWAL.INVALID_AMOUNT'): bigint => {
  if (typeof amount !== 'bigint' || amount <= 0n)
    throw new DomainError(code, 'The amount must be a whole number of the smallest unit, above zero', 'invalid', [
      { field: 'amount', message: 'must be > 0' },
    ]);
  return amount;
};
