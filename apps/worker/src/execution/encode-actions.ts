import {
  admitMemberCall,
  approveWithdrawalCall,
  cfaForwarderAbi,
  distributeCall,
  distributeFlowCall,
  removeMemberCall,
  setStrategyCall,
  safeAbi,
  superTokenAbi,
  timelockAbi,
  type SafeCall,
} from '@ayllu/chain';
import { describeAction, type DaoContracts, type ExecutionAction, type OperationCall } from '@ayllu/domain';
import { encodeFunctionData, erc20Abi, type Address, type PublicClient } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { throughSafe } from './module-call';

const readVaultParameters = (client: PublicClient, vault: Address) =>
  client.readContract({ address: vault, abi: communityVaultAbi, functionName: 'parameters' });

const sameAddress = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

/** The head (and tail) of a Safe's owner list: the `prevOwner` of its first owner. */
const SENTINEL_OWNERS: Address = '0x0000000000000000000000000000000000000001';

/**
 * The Safe's owner list as the batch's earlier owner steps leave it, read from the chain once: each
 * `removeOwner` and `swapOwner` names the owner before its target, which the steps before it may have moved.
 */
const ownerList = (client: PublicClient, safe: Address) => {
  let owners: readonly Address[] | undefined;
  const read = async () => (owners ??= await client.readContract({ address: safe, abi: safeAbi, functionName: 'getOwners' }));
  return {
    read,
    /** The owner before `owner`: the sentinel for the first (and for a stranger, whose step the Safe then refuses). */
    previous: async (owner: Address): Promise<Address> => {
      const list = await read();
      const at = list.findIndex((o) => sameAddress(o, owner));
      return at > 0 ? list[at - 1] : SENTINEL_OWNERS;
    },
    /** Changes the list as the Safe will when the step runs. */
    apply: async (step: (list: readonly Address[]) => readonly Address[]) => {
      owners = step(await read());
    },
  };
};

type OwnerStep = Extract<ExecutionAction, { kind: 'safe.swapOwner' | 'safe.removeOwner' }>;
const isOwnerStep = (action: ExecutionAction): action is OwnerStep =>
  action.kind === 'safe.swapOwner' || action.kind === 'safe.removeOwner';

/**
 * Swaps and removals from the tail of the Safe's owner list to its head, each in a slot one of them held: a
 * step then never touches the owner before a later step's target, so each names the same `prevOwner` in the
 * batch as on the Safe before it, and each call holds on its own (the execution step simulates them so).
 */
const tailFirst = async (owners: ReturnType<typeof ownerList>, actions: readonly ExecutionAction[]): Promise<ExecutionAction[]> => {
  const slots = actions.flatMap((action, i) => (isOwnerStep(action) ? [i] : []));
  if (slots.length < 2) return [...actions];
  const list = await owners.read();
  const position = (step: OwnerStep) => list.findIndex((o) => sameAddress(o, step.kind === 'safe.swapOwner' ? step.oldOwner : step.owner));
  const steps = slots.map((i) => actions[i] as OwnerStep).sort((a, b) => position(b) - position(a));
  const ordered = [...actions];
  slots.forEach((slot, k) => (ordered[slot] = steps[k]));
  return ordered;
};

/** Encodes a proposal's actions into the calls of its timelock batch, each described in words. */
export async function encodeActions(
  client: PublicClient,
  contracts: DaoContracts,
  actions: readonly ExecutionAction[],
): Promise<OperationCall[]> {
  const vault = contracts.vault;
  const safe = contracts.safe;
  const payout = { forwarder: contracts.gdaForwarder, token: contracts.payoutToken, pool: contracts.pool };
  const owners = ownerList(client, safe);
  /** A call the Safe makes on itself (owner management is `authorized`: only the Safe may call it). */
  const safeSelf = (data: SafeCall['data']): Promise<SafeCall> => throughSafe(client, contracts, { to: safe, value: 0n, data });
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
      case 'safe.addOwner': {
        await owners.apply((list) => [action.owner, ...list]); // the Safe adds at the head of its list
        const args = [action.owner, BigInt(action.threshold)] as const;
        return safeSelf(encodeFunctionData({ abi: safeAbi, functionName: 'addOwnerWithThreshold', args }));
      }
      case 'safe.removeOwner': {
        const args = [await owners.previous(action.owner), action.owner, BigInt(action.threshold)] as const;
        await owners.apply((list) => list.filter((o) => !sameAddress(o, action.owner)));
        return safeSelf(encodeFunctionData({ abi: safeAbi, functionName: 'removeOwner', args }));
      }
      case 'safe.swapOwner': {
        const args = [await owners.previous(action.oldOwner), action.oldOwner, action.newOwner] as const;
        await owners.apply((list) => list.map((o) => (sameAddress(o, action.oldOwner) ? action.newOwner : o)));
        return safeSelf(encodeFunctionData({ abi: safeAbi, functionName: 'swapOwner', args }));
      }
      case 'safe.changeThreshold':
        return safeSelf(encodeFunctionData({ abi: safeAbi, functionName: 'changeThreshold', args: [BigInt(action.threshold)] }));
      case 'timelock.updateDelay':
        // updateDelay is callable by the timelock alone: the batch calls the timelock itself.
        return {
          to: contracts.timelock,
          value: 0n,
          data: encodeFunctionData({ abi: timelockAbi, functionName: 'updateDelay', args: [BigInt(action.delaySeconds)] }),
        };
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
      case 'treasury.transfer': {
        // The DAO's token is the vault's asset; the Safe holds the treasury's share of it (harvested yield).
        const token = await client.readContract({ address: vault, abi: communityVaultAbi, functionName: 'asset' });
        return throughSafe(client, contracts, {
          to: token,
          value: 0n,
          data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [action.receiver, action.amount] }),
        });
      }
      case 'timelock.marker':
        // The timelock accepts plain calls to itself (receive()): an operation with no effect but its delay.
        return { to: contracts.timelock, value: 0n, data: '0x' };
    }
  };
  const calls: OperationCall[] = [];
  for (const action of await tailFirst(owners, actions)) calls.push({ ...(await encodeOne(action)), description: describeAction(action) });
  return calls;
}
