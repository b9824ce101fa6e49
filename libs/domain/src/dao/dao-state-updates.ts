import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { ActiveDao, Member, MemberStatus, WithdrawalRequest } from './dao-state';
import { memberWeight } from './member-weight';

/** A member nobody has seen before: what a join request or a first deposit creates. */
export const newMember = (address: Address): Member => ({
  address,
  status: 'PENDING',
  totalDeposited: 0n,
  currentBalance: 0n,
  accruedYield: 0n,
  joinedAt: null,
  weight: 0n,
  admitted: false,
  units: null,
  pendingRemoval: null,
  requestedAt: null,
});

/** Replaces one member, keeping `weight` in step with status and balance. */
export const updateMember = (dao: ActiveDao, address: Address, change: (member: Member) => Partial<Member>): ActiveDao => {
  const current = dao.members.get(address) ?? newMember(address);
  const next = { ...current, ...change(current) };
  const members = new Map(dao.members);
  members.set(address, {
    ...next,
    weight: memberWeight(next.status, next.currentBalance, dao.configuration.votingType),
  });
  return { ...dao, members };
};

export const setStatus =
  (status: MemberStatus, at?: string) =>
  (member: Member): Partial<Member> => ({
    status,
    ...(status === 'ACTIVE' && member.joinedAt === null && at ? { joinedAt: at } : {}),
  });

export const updateWithdrawal = (dao: ActiveDao, withdrawalId: string, change: Partial<WithdrawalRequest>): ActiveDao => {
  const current = dao.withdrawals.get(withdrawalId);
  if (!current) return dao;
  const withdrawals = new Map(dao.withdrawals);
  withdrawals.set(withdrawalId, { ...current, ...change });
  return { ...dao, withdrawals };
};

/** Weights follow the voting type, so a configuration change recomputes every member's. */
export const reweighAll = (dao: ActiveDao): ActiveDao => {
  const members = new Map<Address, Member>();
  for (const [address, member] of dao.members)
    members.set(address, {
      ...member,
      weight: memberWeight(member.status, member.currentBalance, dao.configuration.votingType),
    });
  return { ...dao, members };
};

export const chainKey = (log: { chainId: number; txHash: Hash; logIndex: number }): string =>
  `${log.chainId}:${log.txHash.toLowerCase()}:${log.logIndex}`;

/** Balance not yet promised to an approved or voted-on withdrawal. */
export const availableBalance = (dao: ActiveDao, member: Member): bigint => {
  let reserved = 0n;
  for (const w of dao.withdrawals.values())
    if (w.member === member.address && (w.status === 'approved' || w.status === 'awaiting-vote')) reserved += w.amount;
  return member.currentBalance - reserved;
};
