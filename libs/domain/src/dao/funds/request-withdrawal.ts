import type { Address } from '../../shared/address';
import type { Command } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { openProposal } from '../../proposal/open-proposal';
import type { StreamEvents } from '../../proposal/proposal-commands';
import type { WithdrawalRequested } from '../dao-events';
import { requireDao, requireMember, requirePositiveAmount } from '../dao-guards';
import type { DaoState } from '../dao-state';
import { availableBalance } from '../dao-state-updates';

/** `proposalId` names the WITHDRAW_FUNDS proposal to open should the amount exceed the small limit. */
export type RequestWithdrawal = Command<
  'RequestWithdrawal',
  { readonly withdrawalId: string; readonly member: Address; readonly amount: bigint; readonly proposalId: string }
>;

/**
 * Up to the small-withdrawal limit (basis points of the balance) the request is approved at once and the
 * vault pays it; above it, a WITHDRAW_FUNDS proposal decides. The balance already promised to earlier
 * requests is not available again. Any member still holding funds may ask, whatever their status — a
 * member under a REMOVE_MEMBER vote included (seed 000: "can still withdraw during the voting period").
 */
export const requestWithdrawal = (command: RequestWithdrawal, state: DaoState): StreamEvents => {
  const dao = requireDao(state);
  const { withdrawalId, member: address, proposalId } = command.data;
  const amount = requirePositiveAmount(command.data.amount);
  const member = requireMember(dao, address);
  if (member.status === 'REMOVED') throw new DomainError('MEMBER.ALREADY_LEFT', `${address} left the DAO`, 'conflict');
  if (dao.withdrawals.has(withdrawalId))
    throw new DomainError('WITHDRAWAL.ALREADY_EXISTS', `Withdrawal ${withdrawalId} already exists`, 'conflict');
  const available = availableBalance(dao, member);
  if (amount > available)
    throw new DomainError('WITHDRAWAL.EXCEEDS_BALANCE', `At most ${available} is available`, 'invalid', [
      { field: 'amount', message: `must be at most ${available}` },
    ]);
  const { now } = command.metadata;
  const small = amount * 10_000n <= member.currentBalance * BigInt(dao.configuration.smallWithdrawalLimitBps);
  const requested = (status: 'approved' | 'awaiting-vote', linked: string | null): WithdrawalRequested => ({
    type: 'WithdrawalRequested',
    data: {
      withdrawalId,
      member: address,
      amount,
      kind: small ? 'small' : 'large',
      status,
      proposalId: linked,
      requestedAt: now,
    },
  });
  if (small) return { dao: [requested('approved', null)], proposal: [] };

  const opened = openProposal(dao, {
    proposalId,
    proposer: address,
    proposal: { type: 'WITHDRAW_FUNDS', payload: { recipient: address, amount, withdrawalId } },
    title: 'Withdrawal request',
    description: `Withdrawal of ${amount} requested by ${address}`,
    now,
    withdrawalId,
  });
  return { dao: [requested('awaiting-vote', proposalId), ...opened.dao], proposal: opened.proposal };
};
