import type { ConfirmDeposit } from '../dao-commands';
import type { DepositConfirmed, MemberActivated } from '../dao-events';
import { requireDao, requirePositiveAmount } from '../dao-guards';
import type { DaoState } from '../dao-state';
import { chainKey, newMember } from '../dao-state-updates';
import { activationFor } from '../membership/activation';
import { blockOf, requireChainAddress } from './chain-log';

/**
 * A deposit the chain confirmed. It is a fact, so it is never refused for business reasons: an unknown
 * depositor becomes a PENDING member holding that balance. A log already applied changes nothing.
 */
export const confirmDeposit = (command: ConfirmDeposit, state: DaoState): (DepositConfirmed | MemberActivated)[] => {
  const dao = requireDao(state);
  const { member: address, amount, chainId, txHash, logIndex } = command.data;
  requireChainAddress(address);
  requirePositiveAmount(amount, 'DEPOSIT.INVALID_AMOUNT');
  if (dao.chainEvents.has(chainKey(command.data))) return [];
  const { now } = command.metadata;
  const before = dao.members.get(address) ?? newMember(address);
  const after = { ...before, currentBalance: before.currentBalance + amount };
  return [
    { type: 'DepositConfirmed', data: { member: address, amount, chainId, txHash, logIndex, ...blockOf(command.data), confirmedAt: now } },
    ...activationFor(dao, after, now),
  ];
};
