import { DomainError } from '../../shared/domain-error';
import type { ConfirmWithdrawal } from '../dao-commands';
import type { MemberBecameInactive, WithdrawalConfirmed } from '../dao-events';
import { requireDao, requireMember, requirePositiveAmount } from '../dao-guards';
import type { DaoState } from '../dao-state';
import { chainKey } from '../dao-state-updates';
import { blockOf, requireChainAddress } from './chain-log';

/**
 * A withdrawal the chain confirmed. It settles the oldest approved request of the same member and amount,
 * if any. More than the recorded balance means the log is out of order (a deposit not yet applied), so it
 * is refused as a conflict for the indexer to retry, rather than letting a balance go negative.
 */
export const confirmWithdrawal = (command: ConfirmWithdrawal, state: DaoState): (WithdrawalConfirmed | MemberBecameInactive)[] => {
  const dao = requireDao(state);
  const { member: address, amount, chainId, txHash, logIndex } = command.data;
  requireChainAddress(address);
  requirePositiveAmount(amount);
  if (dao.chainEvents.has(chainKey(command.data))) return [];
  const member = requireMember(dao, address);
  if (amount > member.currentBalance)
    throw new DomainError('WITHDRAWAL.EXCEEDS_BALANCE', `${address} holds ${member.currentBalance}`, 'conflict');
  const request = [...dao.withdrawals.values()].find((w) => w.member === address && w.amount === amount && w.status === 'approved');
  const { now } = command.metadata;
  const confirmed: WithdrawalConfirmed = {
    type: 'WithdrawalConfirmed',
    data: {
      member: address,
      amount,
      chainId,
      txHash,
      logIndex,
      ...blockOf(command.data),
      confirmedAt: now,
      withdrawalId: request?.withdrawalId ?? null,
    },
  };
  const emptied = member.status === 'ACTIVE' && member.currentBalance === amount;
  return emptied ? [confirmed, { type: 'MemberBecameInactive', data: { member: address, at: now } }] : [confirmed];
};
