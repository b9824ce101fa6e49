import { isAddressEqual, parseEventLogs, type Log } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { safeAbi } from '../abi/safe-l2';
import { superfluidPoolAbi } from '../abi/superfluid-pool';
import { gdaAbi } from '../abi/general-distribution-agreement-v1';
import { timelockAbi } from '../abi/timelock-controller';
import type { ChainFact, FactOrigin, WatchedContracts } from './chain-facts';

type MinedLog = Log<bigint, number, false>;

/**
 * Turns raw logs into chain facts. Pure: the same logs always give the same facts, in log order. Logs from
 * other addresses, or GDA events about other pools, are ignored (a log filter by address alone lets them in).
 */
export function decodeChainLogs(chainId: number, contracts: WatchedContracts, logs: readonly MinedLog[]): ChainFact[] {
  const facts: ChainFact[] = [];
  const from = (log: MinedLog, address: keyof WatchedContracts) => isAddressEqual(log.address, contracts[address]);
  const origin = (log: MinedLog): FactOrigin => ({
    key: `${chainId}:${log.transactionHash}:${log.logIndex}`,
    chainId,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    transactionHash: log.transactionHash,
    logIndex: log.logIndex,
    address: log.address,
  });
  const sorted = [...logs].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  for (const log of sorted) {
    const at = origin(log);
    if (from(log, 'vault')) {
      const [event] = parseEventLogs({ abi: communityVaultAbi, logs: [log] });
      if (!event) continue;
      if (event.eventName === 'Deposited') facts.push({ type: 'DepositConfirmed', data: event.args, origin: at });
      if (event.eventName === 'Withdrawn') facts.push({ type: 'WithdrawalConfirmed', data: event.args, origin: at });
      if (event.eventName === 'WithdrawalApproved') facts.push({ type: 'WithdrawalApprovalConfirmed', data: event.args, origin: at });
      if (event.eventName === 'MemberRemoved') facts.push({ type: 'MemberRemovalConfirmed', data: event.args, origin: at });
      if (event.eventName === 'EmergencyExitRequested') facts.push({ type: 'EmergencyExitRequestConfirmed', data: event.args, origin: at });
      if (event.eventName === 'EmergencyExitCompleted') facts.push({ type: 'EmergencyExitConfirmed', data: event.args, origin: at });
    } else if (from(log, 'safe')) {
      const [event] = parseEventLogs({
        abi: safeAbi,
        logs: [log],
        eventName: ['ExecutionSuccess', 'ExecutionFailure', 'AddedOwner', 'RemovedOwner', 'ChangedThreshold'],
      });
      if (event?.eventName === 'ExecutionSuccess' || event?.eventName === 'ExecutionFailure') {
        const success = event.eventName === 'ExecutionSuccess';
        facts.push({ type: 'SafeTransactionExecuted', data: { safeTxHash: event.args.txHash, success }, origin: at });
      }
      if (event?.eventName === 'AddedOwner') facts.push({ type: 'SafeOwnerAdded', data: { owner: event.args.owner }, origin: at });
      if (event?.eventName === 'RemovedOwner') facts.push({ type: 'SafeOwnerRemoved', data: { owner: event.args.owner }, origin: at });
      if (event?.eventName === 'ChangedThreshold')
        facts.push({ type: 'SafeThresholdChanged', data: { threshold: event.args.threshold }, origin: at });
    } else if (from(log, 'timelock')) {
      const [event] = parseEventLogs({ abi: timelockAbi, logs: [log] });
      if (event?.eventName === 'CallScheduled') {
        const { id, index, target, value, data, delay } = event.args;
        facts.push({ type: 'TimelockOperationScheduled', data: { operationId: id, index, target, value, data, delay }, origin: at });
      }
      if (event?.eventName === 'CallExecuted') {
        const { id, index, target } = event.args;
        facts.push({ type: 'TimelockOperationExecuted', data: { operationId: id, index, target }, origin: at });
      }
      if (event?.eventName === 'Cancelled')
        facts.push({ type: 'TimelockOperationCancelled', data: { operationId: event.args.id }, origin: at });
      if (event?.eventName === 'MinDelayChange') {
        const { oldDuration, newDuration } = event.args;
        facts.push({ type: 'TimelockDelayChanged', data: { oldDelay: oldDuration, newDelay: newDuration }, origin: at });
      }
    } else if (from(log, 'pool')) {
      const [event] = parseEventLogs({ abi: superfluidPoolAbi, logs: [log] });
      if (event?.eventName === 'MemberUnitsUpdated') {
        const { member, oldUnits, newUnits } = event.args;
        facts.push({ type: 'MemberUnitsUpdated', data: { member, oldUnits, newUnits }, origin: at });
      }
      if (event?.eventName === 'DistributionClaimed') {
        facts.push({ type: 'PayoutClaimed', data: { member: event.args.member, claimedAmount: event.args.claimedAmount }, origin: at });
      }
    } else if (from(log, 'gda')) {
      const [event] = parseEventLogs({ abi: gdaAbi, logs: [log], eventName: ['FlowDistributionUpdated', 'InstantDistributionUpdated'] });
      if (!event || !isAddressEqual(event.args.pool, contracts.pool)) continue;
      if (event.eventName === 'FlowDistributionUpdated') {
        const { distributor, oldFlowRate, newDistributorToPoolFlowRate, newTotalDistributionFlowRate } = event.args;
        facts.push({
          type: 'PayoutFlowUpdated',
          data: { distributor, oldFlowRate, newFlowRate: newDistributorToPoolFlowRate, totalFlowRate: newTotalDistributionFlowRate },
          origin: at,
        });
      } else {
        const { distributor, requestedAmount, actualAmount } = event.args;
        facts.push({ type: 'PayoutDistributed', data: { distributor, requestedAmount, actualAmount }, origin: at });
      }
    }
  }
  return facts;
}
