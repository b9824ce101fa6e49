import {
  admitMemberCall,
  approveWithdrawalCall,
  cfaForwarderAbi,
  distributeCall,
  distributeFlowCall,
  removeMemberCall,
  setStrategyCall,
  superTokenAbi,
  type SafeCall,
} from '@ayllu/chain';
import { describeAction, type DaoContracts, type ExecutionAction, type OperationCall } from '@ayllu/domain';
import { encodeFunctionData, type Address, type PublicClient } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { throughSafe } from './module-call';

const readVaultParameters = (client: PublicClient, vault: Address) =>
  client.readContract({ address: vault, abi: communityVaultAbi, functionName: 'parameters' });

/** Encodes a proposal's actions into the calls of its timelock batch, each described in words. */
export async function encodeActions(
  client: PublicClient,
  contracts: DaoContracts,
  actions: readonly ExecutionAction[],
): Promise<OperationCall[]> {
  const vault = contracts.vault;
  const safe = contracts.safe;
  const payout = { forwarder: contracts.gdaForwarder, token: contracts.payoutToken, pool: contracts.pool };
  const encodeOne = async (action: ExecutionAction): Promise<SafeCall> => {
    switch (action.kind) {
      case 'vault.admitMember':
        return admitMemberCall(vault, action.member);
      case 'vault.removeMember':
        return removeMemberCall(vault, action.member);
      case 'vault.approveWithdrawal':
        return approveWithdrawalCall(vault, action.member, action.amount);
      case 'vault.setStrategy':
        return setStrategyCall(vault, action.strategy);
      case 'vault.upgrade':
        return {
          to: vault,
          value: 0n,
          data: encodeFunctionData({
            abi: communityVaultAbi,
            functionName: 'upgradeToAndCall',
            args: [action.implementation, '0x'],
          }),
        };
      case 'vault.setParameters': {
        const current = await readVaultParameters(client, vault);
        const { changes } = action;
        const next = {
          ...current,
          ...(changes.accessMode !== undefined && { accessMode: changes.accessMode }),
          ...(changes.minimumDeposit !== undefined && { minimumDeposit: changes.minimumDeposit }),
          ...(changes.smallWithdrawalLimitBps !== undefined && { smallWithdrawalLimitBps: changes.smallWithdrawalLimitBps }),
          ...(changes.emergencyExitWaitSeconds !== undefined && { emergencyExitWait: changes.emergencyExitWaitSeconds }),
        };
        return { to: vault, value: 0n, data: encodeFunctionData({ abi: communityVaultAbi, functionName: 'setParameters', args: [next] }) };
      }
      case 'payout.distributeFlow':
        return throughSafe(client, contracts, distributeFlowCall(payout, safe, action.flowRatePerSecond));
      case 'payout.distribute':
        return throughSafe(client, contracts, distributeCall(payout, safe, action.amount));
      case 'fee.flow':
        return throughSafe(client, contracts, {
          to: contracts.cfaForwarder,
          value: 0n,
          data: encodeFunctionData({
            abi: cfaForwarderAbi,
            functionName: 'setFlowrate',
            args: [payout.token, action.receiver, action.flowRatePerSecond],
          }),
        });
      case 'fee.transfer':
        return throughSafe(client, contracts, {
          to: payout.token,
          value: 0n,
          data: encodeFunctionData({ abi: superTokenAbi, functionName: 'transfer', args: [action.receiver, action.amount] }),
        });
      case 'timelock.marker':
        // The timelock accepts plain calls to itself (receive()): an operation with no effect but its delay.
        return { to: contracts.timelock, value: 0n, data: '0x' };
    }
  };
  const calls: OperationCall[] = [];
  for (const action of actions) calls.push({ ...(await encodeOne(action)), description: describeAction(action) });
  return calls;
}
